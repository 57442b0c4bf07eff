package org.partnerhub.onboarding.sandbox;

import java.time.Instant;

/**
 * What became of one webhook (attempt), as the admin endpoint lists it.
 *
 * @param outcome {@code delivered}, {@code rejected} (non-2xx, will be retried), {@code failed} (gave up),
 *        {@code dropped} (fault knob), {@code held} (out-of-order knob), {@code no-webhook-url}, {@code overloaded}
 * @param httpStatus the partner's answer; 0 when there was none
 */
public record Delivery(String webhookId, String partnerId, String event, String subject, String outcome,
        int attempt, int httpStatus, Instant at) {
}
