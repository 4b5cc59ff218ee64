-- Token introspection (RFC 7662) with client authentication: POST token=<access token> for the
-- access tokens in BENCH_TOKENS (round robin). Good = 200 with "active": true.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = os.getenv("BENCH_PATH")
local auth = os.getenv("BENCH_AUTH")

function init(args)
  local tokens = stripe(os.getenv("BENCH_TOKENS"))
  reqs = {}
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Authorization"] = auth,
  }
  for i, t in ipairs(tokens) do reqs[i] = wrk.format("POST", path, headers, "token=" .. enc(t)) end
  index = 0
end

function request()
  started()
  index = index % #reqs + 1
  return reqs[index]
end

function response(status, headers, body)
  if status == 200 and body:find('"active"%s*:%s*true') then
    good()
  else
    count_status(status)
  end
end

done = report
