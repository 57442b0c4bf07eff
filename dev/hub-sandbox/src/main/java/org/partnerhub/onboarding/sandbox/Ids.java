package org.partnerhub.onboarding.sandbox;

import java.security.SecureRandom;

/** Ids shaped like 360dialog's: short alphanumerics, {@code CL} for clients, {@code CH} for channels. */
final class Ids {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String DIGITS = "0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String client() {
        return random(ALPHABET, 8) + "CL";
    }

    static String channel() {
        return random(ALPHABET, 6) + "CH";
    }

    static String webhook() {
        return "evt-" + random(ALPHABET, 12);
    }

    static String numeric(int length) {
        return random(DIGITS.substring(1), 1) + random(DIGITS, length - 1);
    }

    /** Random enough to be unguessable, and obviously fake where it is a secret. */
    static String secret(String prefix) {
        return prefix + random(ALPHABET, 24);
    }

    private static String random(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
