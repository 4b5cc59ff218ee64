-- wrk script: replays pre-signed requests (bench/wrk/SignRequests.java), each nonce once.
-- Every thread takes its own stripe of the file so no two threads send the same nonce.
-- BENCH_BASELINE=1 sends the same requests, built the same way, to the unauthenticated /ping
-- without the Authorization header: the baseline then costs the load generator exactly as much.
local baseline = os.getenv("BENCH_BASELINE") == "1"
-- BENCH_BASIC="Basic base64(access:secret)" sends that header instead of the signature (KEY-6):
-- the same credential check without the shared nonce store.
local basic = os.getenv("BENCH_BASIC")
local path = baseline and "/ping" or (os.getenv("BENCH_PATH") or "/api/users/sessioninfo")
local file = os.getenv("BENCH_REQUESTS") or "target/bench/requests.tsv"
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  stride = tonumber(os.getenv("BENCH_THREADS") or "2")
  lines = {}
  local n = 0
  for line in io.lines(file) do
    if n % stride == id then
      table.insert(lines, line)
    end
    n = n + 1
  end
  index = 0
end

function request()
  index = index + 1
  if index > #lines then
    index = 1 -- out of fresh nonces: replays answer 401 and show up as non-2xx
  end
  local nonce, date, auth = lines[index]:match("([^\t]+)\t([^\t]+)\t([^\t]+)")
  local headers = {
    ["Date"] = date,
    ["On-Nonce"] = nonce,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  if basic then
    headers["Authorization"] = basic
  elseif not baseline then
    headers["Authorization"] = auth
  end
  return wrk.format("GET", path, headers)
end
