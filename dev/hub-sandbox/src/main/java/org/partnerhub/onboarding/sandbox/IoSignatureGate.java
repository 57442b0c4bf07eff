package org.partnerhub.onboarding.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The permission page's IO Signature check for partners with a platform secret: the link must carry a signature of
 * {@code {partnerId}|{timestamp}} that is valid, not older than {@code sandbox.io-signature-max-age} (nor from the
 * future beyond a little clock skew), and not seen before. Parameter names as the gateway writes them
 * ({@code org.partnerhub.onboarding.gateway.start.IoSignature}): the stored copy of 360dialog's page did not name them.
 */
@ApplicationScoped
class IoSignatureGate {

    static final String SIGNATURE_PARAM = "signature";
    static final String TIMESTAMP_PARAM = "timestamp";

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Signatures remembered at most; older ones are stale by then unless links arrive faster than this per max age. */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Instant> seen = new LinkedHashMap<>();

    @Inject
    SandboxConfig config;

    private final Clock clock = Clock.systemUTC();

    /** @return why the link is refused, or empty when the partner needs no signature or the link's is good */
    Optional<String> refusal(String partnerId, SandboxConfig.Partner partner, String signature, String timestamp) {
        if (partner.ioSignatureSecret().isEmpty()) {
            return Optional.empty();
        }
        if (signature == null || signature.isEmpty() || timestamp == null || timestamp.isEmpty()) {
            return Optional.of("This link is not signed by the partner (IO Signature missing).");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("This link's IO Signature is not valid.");
        }
        String expected = Signature.io(partner.ioSignatureSecret().get(), partnerId, seconds);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("This link's IO Signature is not valid.");
        }
        Instant now = clock.instant();
        Instant signedAt = Instant.ofEpochSecond(seconds);
        if (signedAt.isBefore(now.minus(config.ioSignatureMaxAge())) || signedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("This link has expired: please start again from the partner's page.");
        }
        return firstUse(signature, now)
                ? Optional.empty()
                : Optional.of("This link was already used: please start again from the partner's page.");
    }

    private synchronized boolean firstUse(String signature, Instant now) {
        Instant staleBefore = now.minus(config.ioSignatureMaxAge()).minus(CLOCK_SKEW);
        Iterator<Instant> oldest = seen.values().iterator();
        while (oldest.hasNext() && (oldest.next().isBefore(staleBefore) || seen.size() >= REMEMBERED)) {
            oldest.remove();
        }
        return seen.putIfAbsent(signature, now) == null;
    }
}
