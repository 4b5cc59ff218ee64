-- Refresh-token grants. Refresh tokens rotate on every use and a reused one revokes the grant, so
-- every request sends a token never sent before: each thread keeps a pool of live chains (one
-- refresh token per pre-issued grant, BENCH_TOKENS), takes one for each request and puts back the
-- new refresh_token of the answer. A connection has one request in flight and wrk reads its answer
-- before it asks for the next request, so a token is only ever sent once. A failed answer ends
-- its chain: counted as bad; a thread left without chains sends "exhausted" (refused, counted).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = os.getenv("BENCH_PATH")
local auth = os.getenv("BENCH_AUTH")

function init(args)
  pool = stripe(os.getenv("BENCH_TOKENS"))
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Authorization"] = auth,
  }
end

function request()
  started()
  local token = table.remove(pool)
  if token == nil then
    empty = empty + 1
    token = "exhausted"
  end
  return wrk.format("POST", path, headers, "grant_type=refresh_token&refresh_token=" .. enc(token))
end

function response(status, headers, body)
  if status == 200 then
    local next = body:match('"refresh_token"%s*:%s*"([^"]+)"')
    if next then
      table.insert(pool, next)
      good()
      return
    end
  end
  count_status(status)
end

done = report
