#!/usr/bin/env python3
"""Writes COUNT signed webhook requests for wrk, one per line: "<envelope id> <hex HMAC-SHA256 of the body>".

The body is BODY_TEMPLATE with the id filled in (webhook-ingest.lua builds the same bytes), so every request has
its own envelope id - no request is a duplicate - and a signature the service accepts. The secret comes from the
environment (BENCH_WEBHOOK_SECRET), never from a file.
usage: signed-requests.py PREFIX COUNT > FILE
"""
import hashlib
import hmac
import os
import sys

BODY_TEMPLATE = ('{"id":"%s","event":"channel_running","data":{"id":"ch-%s","client_id":"oaY9LLfUCL",'
                 '"status":"running","account_mode":"live","created_at":"2026-11-20T09:14:03Z",'
                 '"setup_info":{"phone_number":"4915123456789","phone_name":"Acme Bakery"},'
                 '"client":{"id":"oaY9LLfUCL","name":"Acme Bakery GmbH","partner_payload":"tenant-42"},'
                 '"waba_account":{"id":"ab12WA","namespace":"c0ffee_7f3e","fb_business_id":"1000000001",'
                 '"fb_account_status":"verified"},"current_limit":250,"current_quality_rating":"GREEN"}}')


def main():
    prefix, count = sys.argv[1], int(sys.argv[2])
    key = os.environ["BENCH_WEBHOOK_SECRET"].encode()
    out = sys.stdout
    for n in range(count):
        envelope_id = "%s-%d" % (prefix, n)
        body = (BODY_TEMPLATE % (envelope_id, envelope_id)).encode()
        out.write("%s %s\n" % (envelope_id, hmac.new(key, body, hashlib.sha256).hexdigest()))


if __name__ == "__main__":
    main()
