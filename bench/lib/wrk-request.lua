-- wrk script for the ingest rounds: the same signed body on every request and a fresh
-- X-GitHub-Delivery each time (prefix from the bench, unique per round, plus a counter).
local file = assert(io.open(os.getenv("WRK_BODY_FILE"), "rb"))
local body = file:read("*a")
file:close()
local signature = os.getenv("WRK_SIGNATURE")
local prefix = os.getenv("WRK_PREFIX")
local sent = 0

request = function()
  sent = sent + 1
  return wrk.format("POST", nil, {
    ["content-type"] = "application/json",
    ["user-agent"] = "GitHub-Hookshot/bench",
    ["x-github-event"] = "push",
    ["x-github-hook-id"] = "1",
    ["x-hub-signature-256"] = signature,
    ["x-github-delivery"] = prefix .. "-" .. sent,
  }, body)
end
