-- wrk script: replays pre-signed requests from a file, one line per request:
--   idempotency-key <TAB> timestamp <TAB> signature <TAB> JSON body
-- usage: wrk ... -s presigned.lua URL -- FILE BEARER_TOKEN KEY_ID THREADS
-- Each thread takes every THREADS-th line, so no two requests share an Idempotency-Key. The signature covers
-- the method, the path (the URL must be the one the file was signed for), the key and the body.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local requests = {}
local index = 0
wrapped = 0

function init(args)
  local path, token, key_id, threads = args[1], args[2], args[3], tonumber(args[4])
  local line_number = 0
  for line in io.lines(path) do
    if line_number % threads == id then
      local key, stamp, signature, body = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)")
      requests[#requests + 1] = wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. token,
        ["Idempotency-Key"] = key,
        ["x-key-id"] = key_id,
        ["x-timestamp"] = stamp,
        ["x-signature"] = signature,
      }, body)
    end
    line_number = line_number + 1
  end
end

function request()
  index = index + 1
  if index > #requests then
    index = 1
    wrapped = wrapped + 1
  end
  return requests[index]
end

function done(summary, latency, requests)
  io.write(string.format("p99.9 %d us\n", latency:percentile(99.9)))
end
