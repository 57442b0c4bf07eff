package org.partnerhub.onboarding.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/** Deterministic event ids: the same fact always yields the same id, so consumers can de-duplicate. */
public final class EventIds {

    private EventIds() {
    }

    /**
     * A name-based UUID (RFC 9562 version 8) from the SHA-256 of the type and the fact's identifying fields. Each
     * field is length-prefixed so that ("ab", "c") and ("a", "bc") differ.
     */
    public static String of(String type, String... identifyingFields) {
        MessageDigest sha256 = sha256();
        update(sha256, type);
        for (String field : identifyingFields) {
            update(sha256, Objects.requireNonNull(field, "identifying field"));
        }
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest());
        long mostSignificant = (hash.getLong() & ~0xF000L) | 0x8000L;
        long leastSignificant = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    /** Hex SHA-256 of the hub id and the raw body: the id of a webhook whose envelope carries none. */
    public static String ofRawBody(String hubId, byte[] rawBody) {
        MessageDigest sha256 = sha256();
        sha256.update(hubId.getBytes(StandardCharsets.UTF_8));
        // A separator, so that a hub id can never run into the body.
        sha256.update((byte) 0);
        sha256.update(rawBody);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
