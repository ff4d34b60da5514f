-- The soak workload (bench/soak.sh): the mixed task traffic plus hand-offs (which the reminder job then sends to the
-- Slack stand-in), note saves and note searches, at a steady moderate rate: each connection pauses BENCH_DELAY_MS
-- between requests (wrk's delay() hook), so the rate is about connections × 1000 / (delay + latency), not flat out.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local report = require("report")
local ids
local created = 0
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "50")
local json = { ["Content-Type"] = "application/json" }
local words = { "デプロイ", "レビュー", "障害対応", "議事録", "release", "migration", "index", "backup" }

setup = report.setup
done = report.done

function delay()
  return pause
end

local function user()
  return string.format("UBENCH%03d", math.random(0, 99))
end

function init(args)
  math.randomseed(seed)
  ids = report.read_ids()
end

function request()
  local roll = math.random(100)
  created = created + 1
  if roll <= 40 then
    local id = ids[math.random(#ids)]
    return wrk.format("GET", "/api/v1/tasks/" .. id, report.headers(report.owner(id)))
  elseif roll <= 55 then
    local u = user()
    return wrk.format("GET", "/api/v1/tasks?assignee=" .. u .. "&limit=20", report.headers(u))
  elseif roll <= 65 then
    local body = string.format('{"title":"Soak %d-%d","assignee_user_id":"%s"}', seed, created, user())
    return wrk.format("POST", "/api/v1/tasks", report.headers(user(), json), body)
  elseif roll <= 70 then
    local id = ids[math.random(#ids)]
    local body = string.format('{"title":"Renamed by soak %d"}', math.random(1000000))
    return wrk.format("PATCH", "/api/v1/tasks/" .. id, report.headers(report.owner(id), json), body)
  elseif roll <= 75 then
    -- Due at once: the reminder job (every 10 s here) sends it to the Slack stand-in.
    local from, to = math.random(0, 49), math.random(50, 99)
    local body = '{"to_user_id":"' .. string.format("UBENCH%03d", to) ..
      '","progress_note":"soak progress","next_steps":"soak next steps"}'
    return wrk.format("POST", "/api/v1/handoffs", report.headers(string.format("UBENCH%03d", from), json), body)
  elseif roll <= 88 then
    local body = string.format('{"content":"%s %s の作業メモ %d","category":"soak"}',
      words[math.random(#words)], words[math.random(#words)], created)
    return wrk.format("POST", "/api/v1/notes", report.headers(user(), json), body)
  else
    return wrk.format("GET", "/api/v1/notes/search?q=" .. words[math.random(5, #words)] .. "&limit=10",
      report.headers(user()))
  end
end
