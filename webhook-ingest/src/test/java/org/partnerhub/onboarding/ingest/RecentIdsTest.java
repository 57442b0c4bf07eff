package org.partnerhub.onboarding.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void remembersAnIdForTheWindowOnly() {
        RecentIds ids = new RecentIds(Duration.ofMinutes(10), 100, now::get);
        ids.remember("evt-1");

        now.addAndGet(Duration.ofMinutes(10).minusNanos(1).toNanos());
        assertThat(ids.contains("evt-1")).isTrue();
        assertThat(ids.contains("evt-2")).isFalse();

        now.addAndGet(1);
        assertThat(ids.contains("evt-1")).isFalse();
    }

    @Test
    void rememberingAgainRestartsTheWindow() {
        RecentIds ids = new RecentIds(Duration.ofMinutes(10), 100, now::get);
        ids.remember("evt-1");
        ids.remember("evt-2");
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        ids.remember("evt-1");
        now.addAndGet(Duration.ofMinutes(6).toNanos());

        assertThat(ids.contains("evt-1")).isTrue();
        assertThat(ids.contains("evt-2")).isFalse();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        RecentIds ids = new RecentIds(Duration.ofMinutes(10), 2, now::get);
        ids.remember("evt-1");
        ids.remember("evt-2");
        ids.remember("evt-3");

        assertThat(ids.contains("evt-1")).isFalse();
        assertThat(ids.contains("evt-2")).isTrue();
        assertThat(ids.contains("evt-3")).isTrue();
    }

    @Test
    void aZeroWindowRemembersNothing() {
        RecentIds ids = new RecentIds(Duration.ZERO, 100, now::get);
        ids.remember("evt-1");

        assertThat(ids.contains("evt-1")).isFalse();
    }
}
