package org.partnerhub.onboarding.state.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.partnerhub.onboarding.events.state.ChannelStage;

/**
 * The console's funnel, pure: channels per stage, how many got on from each stage to the next, and how long they
 * stayed. Stages are {@link ChannelStage#values()} in their order, so a stage added there appears here unchanged.
 */
public final class Funnel {

    private Funnel() {
    }

    /** One row per hub and tenant, ordered by hub then tenant (no tenant first). */
    public static List<FunnelRow> of(List<ChannelPath> paths) {
        Map<Key, List<ChannelPath>> groups = new TreeMap<>(Comparator.comparing(Key::hubId)
                .thenComparing(Key::tenant, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (ChannelPath path : paths) {
            groups.computeIfAbsent(new Key(path.hubId(), path.tenant()), key -> new ArrayList<>()).add(path);
        }
        List<FunnelRow> rows = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> rows.add(new FunnelRow(key.hubId(), key.tenant(), stages(group))));
        return rows;
    }

    private static List<FunnelRow.Stage> stages(List<ChannelPath> group) {
        ChannelStage[] order = ChannelStage.values();
        Map<ChannelStage, Integer> now = new EnumMap<>(ChannelStage.class);
        int[] reached = new int[order.length];
        Map<ChannelStage, List<Duration>> stays = new EnumMap<>(ChannelStage.class);
        for (ChannelPath path : group) {
            now.merge(path.current(), 1, Integer::sum);
            int furthest = path.current().ordinal();
            StageChange entered = null;
            for (StageChange change : path.changes()) {
                furthest = Math.max(furthest, change.stage().ordinal());
                if (entered == null) {
                    entered = change;
                } else if (change.stage() != entered.stage()) {
                    stays.computeIfAbsent(entered.stage(), stage -> new ArrayList<>())
                            .add(nonNegative(Duration.between(entered.at(), change.at())));
                    entered = change;
                }
            }
            for (int stage = 0; stage <= furthest; stage++) {
                reached[stage]++;
            }
        }
        List<FunnelRow.Stage> stages = new ArrayList<>(order.length);
        for (ChannelStage stage : order) {
            int index = stage.ordinal();
            Double conversion = index + 1 < order.length && reached[index] > 0
                    ? (double) reached[index + 1] / reached[index] : null;
            List<Duration> times = stays.getOrDefault(stage, List.of());
            stages.add(new FunnelRow.Stage(stage, now.getOrDefault(stage, 0), reached[index], conversion,
                    times.size(), seconds(percentile(times, 50)), seconds(percentile(times, 90))));
        }
        return stages;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percent}% of the values at or below it.
     *
     * @return null for no values
     */
    static Duration percentile(List<Duration> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /**
     * Facts carry the time they happened at their source; a late-arriving fact about an earlier moment can make a stay
     * look negative. It counts as zero rather than being dropped, so the number of stays stays the number of moves.
     */
    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private record Key(String hubId, String tenant) {

        Key {
            Objects.requireNonNull(hubId);
        }
    }
}
