package org.partnerhub.onboarding.state.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which clients the permission poller asks about now. A hot client (a channel before running, or one changed within
 * the recent window) is due once {@code hotInterval} passed since it was last asked, any other once
 * {@code coldInterval} passed; a client never asked is due at once. Hot clients come first, the most recently changed
 * first: a client whose customer is in the popup right now must not wait behind hundreds that changed earlier, such
 * as a first-install import's, which are all never asked. Then the ones asked longest ago, so that a budget that runs
 * out leaves the least urgent for a later tick.
 */
final class PollPlan {

    /**
     * A client with channels in the projection, whether it is on the hot cadence, and when its channels last changed.
     */
    record Candidate(ClientKey client, boolean hot, Instant changedAt) {
    }

    private final Duration hotInterval;
    private final Duration coldInterval;

    PollPlan(Duration hotInterval, Duration coldInterval) {
        this.hotInterval = hotInterval;
        this.coldInterval = coldInterval;
    }

    List<ClientKey> due(List<Candidate> candidates, Map<ClientKey, Instant> lastAsked, Instant now) {
        Comparator<Candidate> urgency = Comparator.comparing((Candidate candidate) -> !candidate.hot())
                .thenComparing(candidate -> candidate.hot() ? candidate.changedAt() : Instant.MIN,
                        Comparator.reverseOrder())
                .thenComparing(candidate -> lastAsked.get(candidate.client()),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Candidate::client);
        return candidates.stream()
                .filter(candidate -> isDue(candidate, lastAsked.get(candidate.client()), now))
                .sorted(urgency)
                .map(Candidate::client)
                .toList();
    }

    private boolean isDue(Candidate candidate, Instant asked, Instant now) {
        if (asked == null) {
            return true;
        }
        Duration interval = candidate.hot() ? hotInterval : coldInterval;
        return !asked.plus(interval).isAfter(now);
    }
}
