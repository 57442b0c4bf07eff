package org.partnerhub.onboarding.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 360dialog's two signatures: {@code x-360dialog-signature} on webhooks (the hex HMAC-SHA256 of the exact body bytes
 * under the hub's webhook secret) and the IO Signature of permission links (hex HMAC-SHA512 of
 * {@code {partnerId}|{unixSeconds}} under the platform secret).
 */
final class Signature {

    static final String HEADER = "x-360dialog-signature";

    private Signature() {
    }

    static String of(String secret, byte[] body) {
        return hex("HmacSHA256", secret, body);
    }

    static String io(String platformSecret, String partnerId, long unixSeconds) {
        return hex("HmacSHA512", platformSecret, (partnerId + "|" + unixSeconds).getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
