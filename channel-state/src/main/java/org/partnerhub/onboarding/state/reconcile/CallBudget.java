package org.partnerhub.onboarding.state.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} calls per hub within any minute (a sliding window over the calls' start times). It counts
 * the calls of this process only: the permission poller runs on the reconcilers' leader alone, and one import runs at
 * a time (an advisory lock).
 */
public final class CallBudget {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Map<String, Deque<Instant>> calls = new HashMap<>();

    CallBudget(int perMinute) {
        this(perMinute, "onboarding.reconcile.permissions.calls-per-minute");
    }

    /** @param configKey the key {@code perMinute} was configured by, for the message when it is out of range */
    public CallBudget(int perMinute, String configKey) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(configKey + " must be at least 1, not " + perMinute);
        }
        this.perMinute = perMinute;
    }

    /** Takes one call of the hub's budget at {@code now}, or answers false when the last minute used it up. */
    public synchronized boolean take(String hubId, Instant now) {
        Deque<Instant> recent = calls.computeIfAbsent(hubId, hub -> new ArrayDeque<>());
        Instant windowStart = now.minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= perMinute) {
            return false;
        }
        recent.addLast(now);
        return true;
    }
}
