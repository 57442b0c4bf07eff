package org.partnerhub.onboarding.keys.domain;

import java.util.random.RandomGenerator;

/** Always the shortest wait of the backoff's jitter range (half the ceiling), so that expected times are exact. */
final class NoJitter implements RandomGenerator {

    static final RandomGenerator NO_JITTER = new NoJitter();

    private NoJitter() {
    }

    @Override
    public long nextLong() {
        return 0;
    }

    @Override
    public long nextLong(long bound) {
        return 0;
    }
}
