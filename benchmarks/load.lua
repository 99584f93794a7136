-- Rotates through the site's public pages; prints wrk's error counts in a form load.py reads.
local paths = {}
local counter = 0

function init(args)
  for _, path in ipairs(args) do paths[#paths + 1] = path end
end

wrk.headers["X-Forwarded-Proto"] = "https"

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d connect=%d read=%d write=%d timeout=%d status=%d p99_ms=%.1f\n",
    summary.requests, e.connect, e.read, e.write, e.timeout, e.status, latency:percentile(99) / 1000))
end
