-- The mixed workload (c100 in run.sh): 50% get by id, 20% list by assignee (70% reads), 20% create, 10% PATCH.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local report = require("report")
local ids
local created = 0
local json = { ["Content-Type"] = "application/json" }

setup = report.setup
done = report.done

local function assignee()
  return string.format("UBENCH%03d", math.random(0, 99))
end

function init(args)
  math.randomseed(seed)
  ids = report.read_ids()
end

function request()
  local roll = math.random(100)
  if roll <= 50 then
    local id = ids[math.random(#ids)]
    return wrk.format("GET", "/api/v1/tasks/" .. id, report.headers(report.owner(id)))
  elseif roll <= 70 then
    local user = assignee()
    return wrk.format("GET", "/api/v1/tasks?assignee=" .. user .. "&limit=20", report.headers(user))
  elseif roll <= 90 then
    created = created + 1
    local body = string.format(
      '{"title":"Created by wrk %d-%d","assignee_user_id":"%s","due_at":"2030-01-01T09:00:00Z"}',
      seed, created, assignee())
    return wrk.format("POST", "/api/v1/tasks", report.headers(assignee(), json), body)
  else
    local id = ids[math.random(#ids)]
    local body = string.format('{"title":"Renamed by wrk %d","due_at":null}', math.random(1000000))
    return wrk.format("PATCH", "/api/v1/tasks/" .. id, report.headers(report.owner(id), json), body)
  end
end
