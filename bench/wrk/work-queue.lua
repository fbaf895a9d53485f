-- wrk script for bench/workqueue: GET with a bearer token (env TOKEN). done() prints one line that the bench
-- collects: requests/s, p50 / p95 / p99 / max latency in ms, non-2xx answers and socket errors.
local token = os.getenv("TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local e = summary.errors
  io.write(string.format("result requests=%d rps=%.1f p50=%.3f p95=%.3f p99=%.3f max=%.3f non2xx=%d errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
