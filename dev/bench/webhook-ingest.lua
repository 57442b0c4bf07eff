-- wrk script for dev/bench/webhook-ingest.sh: POSTs pre-signed webhooks (signed-requests.py), each envelope id once,
-- and counts the answers by status so the run can be checked against the records on the topic.
-- usage: wrk -t THREADS ... -s webhook-ingest.lua URL -- REQUESTS_FILE THREADS

-- The same bytes as BODY_TEMPLATE in signed-requests.py: the signatures are over them.
local template = '{"id":"%s","event":"channel_running","data":{"id":"ch-%s","client_id":"oaY9LLfUCL",'
    .. '"status":"running","account_mode":"live","created_at":"2026-11-20T09:14:03Z",'
    .. '"setup_info":{"phone_number":"4915123456789","phone_name":"Acme Bakery"},'
    .. '"client":{"id":"oaY9LLfUCL","name":"Acme Bakery GmbH","partner_payload":"tenant-42"},'
    .. '"waba_account":{"id":"ab12WA","namespace":"c0ffee_7f3e","fb_business_id":"1000000001",'
    .. '"fb_account_status":"verified"},"current_limit":250,"current_quality_rating":"GREEN"}}'

local threads = {}
local created = 0

function setup(thread)
    thread:set("index", created)
    created = created + 1
    table.insert(threads, thread)
end

function init(args)
    local total = tonumber(args[2])
    ids, signatures, position = {}, {}, 0
    ok, other, exhausted = 0, 0, 0
    local line = 0
    -- Each thread takes every total-th line, so no two threads ever send the same id.
    for entry in io.lines(args[1]) do
        if line % total == index then
            local id, signature = entry:match("^(%S+) (%x+)$")
            table.insert(ids, id)
            table.insert(signatures, signature)
        end
        line = line + 1
    end
end

function request()
    position = position + 1
    if position > #ids then
        -- Out of fresh ids: from here on requests are duplicates, and the run is reported as invalid.
        exhausted = exhausted + 1
        position = 1
    end
    local id = ids[position]
    return wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["X-360dialog-Signature"] = signatures[position],
    }, string.format(template, id, id))
end

function response(status, headers, body)
    if status == 200 then
        ok = ok + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    local answered, refused, wrapped = 0, 0, 0
    for _, thread in ipairs(threads) do
        answered = answered + thread:get("ok")
        refused = refused + thread:get("other")
        wrapped = wrapped + thread:get("exhausted")
    end
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format("RESULT requests=%d ok=%d non200=%d socket_errors=%d exhausted=%d seconds=%.1f "
        .. "rps=%.0f ok_rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
        summary.requests, answered, refused, e.connect + e.read + e.write + e.timeout, wrapped, seconds,
        summary.requests / seconds, answered / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
end
