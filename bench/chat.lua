-- wrk script: POST /api/chat with a JSON body, cycling through a question mix.
--
--   wrk ... -s bench/chat.lua URL -- MIX [OFFSET] [THREADS]
--     MIX      unique    200 generated questions (framework pairs x use cases x phrasings), cycled
--              faq       5 questions, repeated
--              distinct  ~23,500 generated questions in a scrambled order: a run (with its warm-up) of fewer
--                        requests than that asks no question twice, so the answer cache never hits. The
--                        query-embedding cache does: hybrid retrieval embeds a question without its framework
--                        names, and these questions have only 160 such texts (use case x phrasing)
--              file=PATH the questions in PATH, one per line (bench/questions.py writes ones that differ in more
--                        than framework names: neither cache hits, every request pays for a MiniLM inference)
--              done() says whether a thread's list wrapped (then questions repeated)
--     OFFSET   where in the list to start (default 0), or "end": walk the list backwards from its end;
--              load.sh warms up with "end" so that the measured run (from 0) does not meet questions the
--              warm-up already asked (unless the two together exceed the list)
--     THREADS  the number of wrk threads (default 1): thread k of T takes items k, k+T, k+2T, ...
--
-- No sessionId is sent: each request is a new conversation, as from a stateless client.
-- Each wrk thread counts responses that are not 2xx and answers that are grounded; done() sums them.

-- the 20 frameworks and platforms the articles discuss (Deno is the 21st)
local frameworks = { "FastAPI", "Django", "Flask", "NestJS", "Express", "Fastify", "Spring Boot",
                     "ASP.NET Core", "Laravel", "Rails", "Gin", "Phoenix", "Koa", "Fiber", "Axum",
                     "Echo", "Actix", "Rocket", "Node.js", "Bun" }
local uses = { "an ecommerce site", "an AI agent backend", "a real-time chat app", "a fintech startup MVP",
               "high-throughput microservices", "a content-heavy marketplace", "a small team's internal tool",
               "a large enterprise system", "machine learning model serving", "a REST API with many integrations",
               "a healthcare records portal", "a multiplayer game backend", "an IoT telemetry pipeline",
               "a SaaS admin dashboard", "a banking API with strict compliance", "a social media feed",
               "a video streaming service", "a hotel booking system", "a serverless backend",
               "an internal GraphQL gateway" }
local forms = {
  function(a, b, u) return a .. " vs " .. b .. " for " .. u .. "?" end,
  function(a, b, u) return "should we pick " .. a .. " or " .. b .. " to build " .. u .. "?" end,
  function(a, b, u) return "is " .. a .. " a good choice for " .. u .. "?" end,
  function(a, b, u) return "what are the weaknesses of " .. b .. " for " .. u .. "?" end,
  function(a, b, u) return "which fits " .. u .. " better, " .. a .. " or " .. b .. "?" end,
  function(a, b, u) return a .. " or " .. b .. ": which is easier to hire for when building " .. u .. "?" end,
  function(a, b, u) return "compare " .. a .. " and " .. b .. " for " .. u end,
  function(a, b, u) return "we need " .. u .. " - would you recommend " .. a .. " or " .. b .. "?" end,
}

local function framework_pairs()
  local pairs = {}
  for x = 1, #frameworks do
    for y = x + 1, #frameworks do pairs[#pairs + 1] = { frameworks[x], frameworks[y] } end
  end
  return pairs
end

-- question number idx (0-based) of the full cross product pairs x uses x forms
local function question(pairs, idx)
  local p = pairs[idx % #pairs + 1]
  local u = uses[math.floor(idx / #pairs) % #uses + 1]
  local f = forms[math.floor(idx / (#pairs * #uses)) % #forms + 1]
  return f(p[1], p[2], u)
end

-- up to `limit` distinct questions, visiting the cross product with a stride coprime to its size (a
-- permutation, so every combination comes once, neighbours differ); phrasings naming one framework repeat
-- earlier questions, so duplicates are skipped
local function generate(limit, stride)
  local pairs = framework_pairs()
  local size = #pairs * #uses * #forms          -- 190 * 20 * 8 = 30,400 (= 2^6 * 5^2 * 19); 7919 is prime
  local list, seen = {}, {}
  for c = 0, size - 1 do
    local q = question(pairs, (c * stride) % size)
    if not seen[q] then seen[q] = true; list[#list + 1] = q end
    if #list == limit then break end
  end
  return list
end

local faq = {
  "fastify vs nestjs?",
  "is django good for an ecommerce site?",
  "FastAPI or NestJS for an AI agent backend?",
  "which framework should a startup use for an MVP?",
  "what are the weaknesses of Express?",
}

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\' end
    return string.format('\\u%04x', c:byte())
  end) .. '"'
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

-- globals, not locals: done() reads each thread's counters with thread:get
bodies, n, step, non2xx, grounded, statuses, sent, wrapped = nil, 0, 1, 0, 0, "", 0, 0

function init(args)
  local mix = args[1] or "unique"
  local list
  if mix == "faq" then list = faq
  elseif mix == "unique" then list = generate(200, 7919)
  elseif mix == "distinct" then list = generate(1000000, 7919)
  elseif mix:sub(1, 5) == "file=" then
    list = {}
    for line in io.lines(mix:sub(6)) do if line ~= "" then list[#list + 1] = line end end
    if #list == 0 then error("no questions in " .. mix:sub(6)) end
  else error("mix must be unique, faq, distinct or file=PATH, got " .. tostring(mix)) end
  if mix == "unique" and #list ~= 200 then error("expected 200 unique questions, got " .. #list) end
  bodies = {}
  for k, q in ipairs(list) do bodies[k] = '{"message": ' .. json_string(q) .. '}' end
  local threads_n = tonumber(args[3] or "1") or 1
  if args[2] == "end" then
    step = -threads_n
    n = (#bodies - (id or 1)) % #bodies         -- 0-based position of the next question
  else
    step = threads_n
    n = ((tonumber(args[2] or "0") or 0) + (id or 1) - 1) % #bodies
  end
  non2xx, grounded, statuses = 0, 0, ""
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  if (id or 1) == 1 then io.stderr:write("chat.lua: mix " .. mix .. ", " .. #bodies .. " questions\n") end
end

function request()
  local body = bodies[n + 1]
  n = (n + step) % #bodies
  sent = sent + 1
  if sent * math.abs(step) > #bodies then wrapped = 1 end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if #statuses < 200 then statuses = statuses .. status .. " " end
  elseif body and body:find('"grounded":true', 1, true) then
    grounded = grounded + 1
  end
end

function done(summary, latency, requests)
  local bad, ok, seen, wraps = 0, 0, "", 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
    ok = ok + t:get("grounded")
    seen = seen .. (t:get("statuses") or "")
    wraps = wraps + t:get("wrapped")
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  print("---- chat.lua summary ----")
  print(string.format("requests: %d in %.2f s = %.1f req/s", summary.requests, secs, summary.requests / secs))
  print(string.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
  print("non-2xx: " .. bad .. (bad > 0 and (" (statuses seen: " .. seen .. ")") or ""))
  print(string.format("socket errors: connect %d, read %d, write %d, timeout %d", e.connect, e.read, e.write, e.timeout))
  print(string.format("grounded answers: %d of %d responses", ok, summary.requests))
  print("list wrapped (questions repeated within this run): " .. (wraps > 0 and "yes" or "no"))
end
