package org.partnerhub.onboarding.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code x-360dialog-signature}: the hex HMAC-SHA256 of the raw body under the hub's current secret, or under
 * the previous one while a rotation is under way.
 */
final class SignatureVerifier {

    static final String HEADER = "x-360dialog-signature";

    private static final String HMAC_SHA256 = "HmacSHA256";

    // Mac is not thread-safe and costly to set up; each event-loop thread keeps its own per secret.
    private final List<ThreadLocal<Mac>> macs;

    /** @param secrets the current secret first, then any still accepted */
    SignatureVerifier(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        this.macs = secrets.stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256))
                .map(key -> ThreadLocal.withInitial(() -> mac(key)))
                .toList();
    }

    /** @param signature the header's value, null when the header is missing */
    boolean verify(byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(signature.strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        boolean matched = false;
        // Every secret is tried, so the time taken does not tell which one matched.
        for (ThreadLocal<Mac> mac : macs) {
            matched |= MessageDigest.isEqual(mac.get().doFinal(body), claimed);
        }
        return matched;
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime must provide HmacSHA256", e);
        }
    }
}
