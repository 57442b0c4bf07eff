package org.partnerhub.onboarding.hubapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class CallLimiterTest {

    @Test
    void startsAWaitingCallOnlyWhenAnEarlierOneEnds() {
        CallLimiter limiter = new CallLimiter(2);
        List<CompletableFuture<String>> started = new ArrayList<>();
        List<String> results = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            limiter.submit(() -> {
                CompletableFuture<String> call = new CompletableFuture<>();
                started.add(call);
                return Uni.createFrom().completionStage(call);
            }, Duration.ofMinutes(1)).subscribe().with(results::add, failures::add);
        }
        assertThat(started).hasSize(2);

        started.get(0).complete("first");
        assertThat(started).hasSize(3);
        started.get(2).completeExceptionally(new IllegalStateException("failed"));
        started.get(1).complete("second");

        assertThat(results).containsExactly("first", "second");
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("failed");
    }

    @Test
    void aCallWhoseWaitRanOutIsRefusedInsteadOfStartedLate() {
        AtomicLong now = new AtomicLong();
        CallLimiter limiter = new CallLimiter(1, now::get);
        List<CompletableFuture<String>> started = new ArrayList<>();
        List<String> results = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Duration maxWait : List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5))) {
            limiter.submit(() -> {
                CompletableFuture<String> call = new CompletableFuture<>();
                started.add(call);
                return Uni.createFrom().completionStage(call);
            }, maxWait).subscribe().with(results::add, failures::add);
        }

        now.set(Duration.ofSeconds(2).toNanos());
        started.getFirst().complete("first");

        assertThat(failures).singleElement().isInstanceOf(CallLimiter.SlotWaitExpired.class);
        assertThat(started).hasSize(2);
        started.get(1).complete("third");
        assertThat(results).containsExactly("first", "third");
    }
}
