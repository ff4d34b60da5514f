-- GET /api/v1/tasks/{id} for random seeded ids (c32 in run.sh). Served alike by the API and the raw endpoint.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local report = require("report")
local ids

setup = report.setup
done = report.done

function init(args)
  math.randomseed(seed)
  ids = report.read_ids()
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/v1/tasks/" .. id, report.headers(report.owner(id)))
end
