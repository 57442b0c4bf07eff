package org.partnerhub.onboarding.ingest;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts requests in progress and refuses new ones beyond a bound, instead of queueing them without end. */
final class InFlightLimit {

    private final int max;
    private final AtomicInteger current = new AtomicInteger();

    InFlightLimit(int max) {
        this.max = max;
    }

    boolean tryAcquire() {
        if (current.incrementAndGet() > max) {
            current.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        current.decrementAndGet();
    }
}
