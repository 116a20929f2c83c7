-- wrk script: POST /transactions with a merchant's raw token and a fixed body (seed 002).
-- usage: wrk ... -s links.lua URL -- TOKEN CLIENT_SLUG [TOKEN CLIENT_SLUG ...]
-- With several merchants, each request goes to the next one in turn (links of many clients at once);
-- with one, every link waits on that client's reference counter.
local requests = {}
local index = 0

function init(args)
  for i = 1, #args, 2 do
    local body = '{"amount": 100, "userId": "50224865444", "channel": "wa", "client": "' .. args[i + 1] .. '", "ads": []}'
    requests[#requests + 1] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/json",
      ["Authorization"] = args[i],
    }, body)
  end
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function done(summary, latency, requests)
  io.write(string.format("p99.9 %d us\n", latency:percentile(99.9)))
end
