-- Task lists and title searches (the stale-tolerant reads ConnectionStrings__ReadOnly serves), alternating, as the
-- 100 seeded assignees (bench/seed.sql). BENCH_API_KEY: the key the API was started with.
local key = os.getenv("BENCH_API_KEY")
local n = 0

function request()
  n = n + 1
  local user = string.format("UBENCH%03d", n % 100)
  local headers = { ["Authorization"] = "Bearer " .. key, ["X-Slack-User-Id"] = user }
  if n % 2 == 0 then
    return wrk.format("GET", "/api/v1/tasks?assignee=" .. user .. "&limit=20", headers)
  end
  return wrk.format("GET", "/api/v1/tasks/search?q=Bench%20task%201&limit=20", headers)
end

function response(status)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
