-- Shared by the wrk scripts of bench/authserver (loaded with dofile from BENCH_LUA_DIR).
-- Each wrk thread has its own Lua state: its globals are per thread; done() runs in the main
-- state and reads the threads' counters with thread:get.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")

function now()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6
end

function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

-- This thread's stripe of a file (non-empty lines n with n % threads == id).
function stripe(file)
  local stride = tonumber(os.getenv("BENCH_THREADS") or "2")
  local mine, n = {}, 0
  for line in io.lines(file) do
    if line ~= "" then
      if n % stride == id then table.insert(mine, line) end
      n = n + 1
    end
  end
  return mine
end

-- Per-thread counters: ok, statuses ("400=3 401=1"), first request and last good answer times.
ok, empty, first, last = 0, 0, 0, 0
local statuses = {}
function count_status(status)
  statuses[status] = (statuses[status] or 0) + 1
  local parts = {}
  for s, n in pairs(statuses) do table.insert(parts, s .. "=" .. n) end
  status_text = table.concat(parts, ",")
end
function good()
  ok = ok + 1
  last = now()
end
function started()
  if first == 0 then first = now() end
end

-- One line a run: good answers per second over wrk's duration (BENCH_RATE_BY=clock: from the
-- first request to the last good answer, for runs that may run out of single-use input).
function report(summary, latency)
  local total, nempty, errs, t0, t1 = 0, 0, {}, math.huge, 0
  for _, t in ipairs(threads) do
    total = total + t:get("ok")
    nempty = nempty + t:get("empty")
    local s = t:get("status_text")
    if s then table.insert(errs, s) end
    local f, l = t:get("first"), t:get("last")
    if f > 0 and f < t0 then t0 = f end
    if l > t1 then t1 = l end
  end
  local seconds = summary.duration / 1e6
  if os.getenv("BENCH_RATE_BY") == "clock" and t1 > t0 then seconds = t1 - t0 end
  local e = summary.errors
  io.write(string.format(
    "RESULT ok=%d rate=%.1f seconds=%.1f answers=%d bad=%s exhausted=%d socket_errors=%d p50_ms=%.1f p99_ms=%.1f\n",
    total, total / seconds, seconds, summary.requests, (#errs > 0 and table.concat(errs, ",") or "0"),
    nempty, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
