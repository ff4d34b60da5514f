-- Shared by the wrk scripts: ids from the file in BENCH_IDS, and one machine-readable result line for run.sh.
local report = {}

function report.read_ids()
  local path = os.getenv("BENCH_IDS") or error("set BENCH_IDS to the file of task ids")
  local ids = {}
  for line in io.lines(path) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  assert(#ids > 0, "no ids in " .. path)
  return ids
end

-- Seeded task n (its id ends in n, hex) belongs to UBENCH(n % 100) (bench/seed.sql), who may read and change it.
function report.owner(id)
  return string.format("UBENCH%03d", tonumber(string.sub(id, 25), 16) % 100)
end

-- The API key (run.sh exports it) and the Slack user the request acts for; the raw endpoint ignores both.
function report.headers(user, extra)
  local headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_API_KEY") or ""), ["X-Slack-User-Id"] = user }
  for k, v in pairs(extra or {}) do headers[k] = v end
  return headers
end

-- Gives each wrk thread its own random sequence.
local threads = 0
function report.setup(thread)
  threads = threads + 1
  thread:set("seed", threads * 7919)
end

-- Latencies in ms; "non2xx" counts answers outside 2xx/3xx, "socket" counts connect/read/write/timeout errors.
function report.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end

return report
