-- wrk script: many citizens booking the same few slots at once (benchmark scenario e).
-- Env: TOKENS = file with one citizen token per line (a distinct citizen each, see bench/tools BulkTokens);
--      SLOTS  = file with one "servicePointCode procedureCode slotStart" per line (slots with few seats);
--      WRK_THREADS = the -t given to wrk (default 2), to spread the threads over the token list.
-- Every request is another citizen (tokens rotate; each thread starts at its own offset) asking for one of the
-- slots (round robin), so the requests contend for the same seat counters. Prints the status counts at the end:
--   statuses s201=.. s409=.. s422=.. sother=..
local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_no", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function lines(path)
  local out = {}
  local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in file:lines() do
    if line:match("%S") then
      table.insert(out, line)
    end
  end
  file:close()
  return out
end

function init(args)
  tokens = lines(os.getenv("TOKENS"))
  slots = {}
  for _, line in ipairs(lines(os.getenv("SLOTS"))) do
    local point, procedure, start = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
    table.insert(slots, string.format('{"servicePointCode":"%s","procedureCode":"%s","slotStart":"%s"}',
      point, procedure, start))
  end
  assert(#tokens > 0 and #slots > 0, "TOKENS and SLOTS must not be empty")
  -- threads walk disjoint stretches of the token list, so two threads rarely speak for the same citizen at once
  next_token = (thread_no * math.floor(#tokens / (tonumber(os.getenv("WRK_THREADS")) or 2))) % #tokens
  next_slot = thread_no
  s201, s409, s422, sother = 0, 0, 0, 0
end

function request()
  next_token = next_token % #tokens + 1
  next_slot = next_slot % #slots + 1
  return wrk.format("POST", wrk.path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[next_token],
  }, slots[next_slot])
end

function response(status, headers, body)
  if status == 201 then
    s201 = s201 + 1
  elseif status == 409 then
    s409 = s409 + 1
  elseif status == 422 then
    s422 = s422 + 1
  else
    sother = sother + 1
  end
end

function done(summary, latency, requests)
  local total = { s201 = 0, s409 = 0, s422 = 0, sother = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(total) do
      total[key] = total[key] + (thread:get(key) or 0)
    end
  end
  io.write(string.format("statuses s201=%d s409=%d s422=%d sother=%d\n", total.s201, total.s409, total.s422, total.sother))
end
