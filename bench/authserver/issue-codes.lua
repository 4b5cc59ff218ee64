-- Pre-issues authorization codes: GET /oauth/authorize with a signed-in console session whose
-- consent is remembered, so every call answers 302 with a fresh code. Codes are written to
-- BENCH_CODES_OUT (one a line) when wrk ends.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = os.getenv("BENCH_PATH")
local cookie = os.getenv("BENCH_COOKIE")

function init(args)
  codes = {}
  req = wrk.format("GET", path, { ["Cookie"] = cookie })
end

function request()
  started()
  return req
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"]
  local code = status == 302 and location and location:match("[?&]code=([^&]+)")
  if code then
    table.insert(codes, code)
    good()
  else
    count_status(status)
  end
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("BENCH_CODES_OUT"), "w")
  for _, t in ipairs(threads) do
    for _, c in ipairs(t:get("codes")) do out:write(c, "\n") end
  end
  out:close()
  report(summary, latency)
end
