-- wrk script for scripts/load-preview.sh. With WRK_BODY_FILE set, every request is a JSON POST of
-- that file's contents; without it, a plain GET. At the end it prints one line the script reads:
-- RESULT requests seconds connect_errors read_errors write_errors non_2xx timeouts p50_ms p95_ms p99_ms
local body_file = os.getenv("WRK_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %d %d %d %d %d %.2f %.2f %.2f\n",
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
