package org.partnerhub.onboarding.gateway.start;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 360dialog's IO Signature: the permission URL proves that the partner's server started this onboarding. The signed
 * string is {@code {partnerId}|{unixSeconds}}, the MAC HMAC-SHA512 under the hub's platform secret. Made fresh for
 * every URL and never cached: 360dialog refuses a signature seen before, and an old one.
 *
 * <p>360dialog's "IO Signature" page names the algorithm and the signed string; the stored copy available here did
 * not show the query parameter names nor the encoding. These constants are the one place that holds our choice
 * (lower-case hex, as the page's Python example's {@code hexdigest()} would give); change them here if 360dialog's
 * page says otherwise.
 */
public record IoSignature(String signature, long timestamp) {

    /** The query parameter carrying the MAC. */
    public static final String SIGNATURE_PARAM = "signature";

    /** The query parameter carrying the signed unix seconds. */
    public static final String TIMESTAMP_PARAM = "timestamp";

    private static final String HMAC = "HmacSHA512";

    public static IoSignature sign(String platformSecret, String partnerId, Instant now) {
        long seconds = now.getEpochSecond();
        return new IoSignature(HexFormat.of().formatHex(mac(platformSecret, partnerId + "|" + seconds)), seconds);
    }

    private static byte[] mac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime must provide " + HMAC, e);
        }
    }

    @Override
    public String toString() {
        return "IoSignature[timestamp=" + timestamp + "]";
    }
}
