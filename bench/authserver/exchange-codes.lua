-- Authorization-code exchanges: each pre-issued code (BENCH_CODES, one a line; each thread its own
-- stripe) is sent once, oldest first. A thread that has used all its codes stops (its requests
-- still in flight are not read); the rate is then counted from
-- the first request to the last good answer (BENCH_RATE_BY=clock), not over wrk's duration.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = os.getenv("BENCH_PATH")
local auth = os.getenv("BENCH_AUTH")
local redirect = enc(os.getenv("BENCH_REDIRECT"))

function init(args)
  codes = stripe(os.getenv("BENCH_CODES"))
  next_code = 0 -- oldest first: codes live 60 s
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Authorization"] = auth,
  }
end

function request()
  started()
  next_code = next_code + 1
  local code = codes[next_code]
  if code == nil then
    empty = empty + 1
    wrk.thread:stop()
    return wrk.format("GET", "/ping")
  end
  -- the code is sent as it came in the redirect's query (already url-encoded)
  return wrk.format("POST", path, headers,
    "grant_type=authorization_code&code=" .. code .. "&redirect_uri=" .. redirect)
end

function response(status, headers, body)
  if status == 200 and body:find('"access_token"', 1, true) then
    good()
  elseif empty == 0 or status ~= 200 then
    count_status(status)
  end
end

done = report
