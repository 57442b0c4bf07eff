package org.partnerhub.onboarding.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A header with a fixed secret value that 360dialog sends with each webhook of a hub (configured with its URL). */
final class StaticHeader {

    private final String name;
    private final byte[] value;

    StaticHeader(String name, String value) {
        this.name = name;
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    String name() {
        return name;
    }

    /** @param received the header's value, null when the header is missing */
    boolean matches(String received) {
        return received != null && MessageDigest.isEqual(value, received.getBytes(StandardCharsets.UTF_8));
    }

    /** The name only: the value is a secret. */
    @Override
    public String toString() {
        return "StaticHeader[" + name + "]";
    }
}
