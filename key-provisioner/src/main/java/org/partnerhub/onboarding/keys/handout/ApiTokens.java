package org.partnerhub.onboarding.keys.handout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens of the hand-out API. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual},
 * which takes the same time wherever the first difference is, and every configured token is compared, so timing
 * reveals neither a token nor which one matched. A caller is named by the token's position, never by the token.
 */
final class ApiTokens {

    private static final String BEARER = "Bearer ";

    private final List<byte[]> digests;

    ApiTokens(List<String> tokens) {
        this.digests = tokens.stream().filter(token -> !token.isBlank()).map(ApiTokens::sha256).toList();
    }

    /** @return the caller's name, {@code token-<n>}, or empty when the header carries no configured token */
    Optional<String> caller(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        int match = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), presented)) {
                match = i;
            }
        }
        return match < 0 ? Optional.empty() : Optional.of("token-" + (match + 1));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
