-- wrk script: GET with an optional bearer token. Env: TOKEN.
local token = os.getenv("TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
