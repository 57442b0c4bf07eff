package org.partnerhub.onboarding.ingest;

/** Why a webhook was not accepted: the HTTP status, the metric tag and the reason told to the sender. */
enum Rejection implements Verdict {

    UNKNOWN_HUB(404, "unknown_hub", "no such hub"),
    STATIC_HEADER(401, "static_header", "missing or wrong webhook authentication header"),
    SIGNATURE(401, "signature", "missing or wrong " + SignatureVerifier.HEADER),
    BODY_TOO_LARGE(413, "body_too_large", "body is larger than the limit"),
    BODY_TIMEOUT(408, "body_timeout", "the body did not arrive in time"),
    NOT_JSON(415, "not_json", "body is not JSON"),
    NOT_AN_OBJECT(400, "not_an_object", "body is not a JSON object"),
    NO_EVENT(400, "no_event", "body has no string field 'event'"),
    BAD_EVENT_NAME(400, "bad_event_name", "'event' must match " + WebhookEnvelope.EVENT_NAME.pattern()),
    OVERLOADED(503, "overloaded", "too many webhooks in flight, retry later"),
    NOT_STORED(503, "not_stored", "the webhook could not be stored in time, retry later");

    private final int status;
    private final String tag;
    private final String reason;

    Rejection(int status, String tag, String reason) {
        this.status = status;
        this.tag = tag;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String tag() {
        return tag;
    }

    String reason() {
        return reason;
    }

    /** The sender is asked to come back: nothing is wrong with what it sent. */
    boolean retryable() {
        return status == 503;
    }
}
