package org.partnerhub.onboarding.state.importer;

import java.time.Duration;
import java.util.Optional;

/**
 * Where one listing of one hub stands, for the terminal.
 *
 * @param pages pages read by this run
 * @param done items imported so far, by earlier runs too (the cursor's offset)
 * @param total items the listing holds, as 360dialog last reported
 * @param readThisRun items this run read, which the rate is worked out from
 * @param elapsed since this run began the listing
 */
public record ImportProgress(String hubId, ImportKind kind, int pages, int done, int total, int readThisRun,
        Duration elapsed) {

    /** Items per second this run, or empty before a measurable time passed. */
    public Optional<Double> rate() {
        return elapsed.toMillis() <= 0 ? Optional.empty() : Optional.of(readThisRun * 1000.0 / elapsed.toMillis());
    }

    /** How long the rest should take at this run's rate; empty when nothing was read yet. */
    public Optional<Duration> eta() {
        int left = Math.max(0, total - done);
        if (left == 0) {
            return Optional.of(Duration.ZERO);
        }
        return rate().filter(rate -> rate > 0).map(rate -> Duration.ofSeconds((long) Math.ceil(left / rate)));
    }

    /** E.g. {@code hub main, channels: page 12, 1200 of 10000 (12%), 340.0/s, ETA 26s}. */
    public String line() {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100L / total);
        return String.format("hub %s, %s: page %d, %d of %d (%d%%), %s, ETA %s", hubId, kind.wire(), pages, done,
                total, percent, rate().map(rate -> String.format("%.1f/s", rate)).orElse("-/s"),
                eta().map(ImportProgress::human).orElse("-"));
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0 && !duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02ds", seconds % 60);
        }
        return seconds / 3600 + "h" + String.format("%02dm", seconds / 60 % 60);
    }
}
