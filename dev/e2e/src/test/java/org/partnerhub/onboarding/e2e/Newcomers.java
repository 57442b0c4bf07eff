package org.partnerhub.onboarding.e2e;

import java.util.concurrent.ThreadLocalRandom;

/** Tenants, owners and numbers no other test uses, so that tests sharing one stack never see each other's. */
final class Newcomers {

    private Newcomers() {
    }

    static String tenant() {
        return "tenant-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    static String email() {
        return "owner-" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@client.example";
    }

    /** A German mobile number. */
    static String number() {
        return "49151" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }
}
