-- wrk script: POST /transactions with the raw merchant token and a fixed body (seed 002).
-- usage: wrk ... -s links.lua URL -- MERCHANT_TOKEN CLIENT_SLUG
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = args[1]
  wrk.body = '{"amount": 100, "userId": "50224865444", "channel": "wa", "client": "' .. args[2] .. '", "ads": []}'
end
