package org.partnerhub.onboarding.state.console;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partnerhub.onboarding.state.store.ConsoleReads.QuietGroup;

/**
 * The stuck list's count, pure: the quiet channels per hub and the step they wait for, by the same {@link Waiting}
 * rule the console's stuck list applies to each channel, here applied once per group of equal stage, permission and
 * key. A group that waits for nothing (a past-onboarding stage) is not counted, as the list leaves it out.
 */
public final class StuckCount {

    /** The tags of one count. */
    public record HubWaiting(String hubId, Waiting.Kind waiting) implements Comparable<HubWaiting> {
        @Override
        public int compareTo(HubWaiting other) {
            int byHub = hubId.compareTo(other.hubId);
            return byHub != 0 ? byHub : waiting.compareTo(other.waiting);
        }
    }

    private StuckCount() {
    }

    public static Map<HubWaiting, Long> of(List<QuietGroup> groups) {
        Map<HubWaiting, Long> counts = new TreeMap<>();
        for (QuietGroup group : groups) {
            Waiting.of(group.stage(), null, group.permission(), group.apiKey(), null).ifPresent(waiting ->
                    counts.merge(new HubWaiting(group.hubId(), waiting.kind()), group.channels(), Long::sum));
        }
        return counts;
    }
}
