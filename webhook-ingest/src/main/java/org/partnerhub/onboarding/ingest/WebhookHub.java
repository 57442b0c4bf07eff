package org.partnerhub.onboarding.ingest;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.partnerhub.onboarding.events.hub.HubWebhooks;

/**
 * One Partner Hub as the intake sees it: who may post its webhooks.
 *
 * @param signature absent when the hub has no webhook secret: bodies are then taken unsigned
 * @param staticHeader absent when the hub configures none
 */
record WebhookHub(String id, Optional<SignatureVerifier> signature, Optional<StaticHeader> staticHeader) {

    /**
     * Decides about one request whose body has been read: who sent it first, then what it is.
     *
     * @param headers the request's headers by name, case-insensitively; null for a missing one
     */
    Verdict examine(UnaryOperator<String> headers, byte[] body, Instant receivedAt) {
        if (staticHeader.isPresent() && !staticHeader.get().matches(headers.apply(staticHeader.get().name()))) {
            return Rejection.STATIC_HEADER;
        }
        if (signature.isPresent() && !signature.get().verify(body, headers.apply(SignatureVerifier.HEADER))) {
            return Rejection.SIGNATURE;
        }
        Optional<Rejection> malformed = WebhookEnvelope.problemWith(body);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        return new Accepted(HubWebhooks.parse(id, body, receivedAt), body, signature.isPresent());
    }
}
