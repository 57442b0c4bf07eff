package org.partnerhub.onboarding.hubapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
            }).subscribe().with(results::add, failures::add);
        }
        assertThat(started).hasSize(2);

        started.get(0).complete("first");
        assertThat(started).hasSize(3);
        started.get(2).completeExceptionally(new IllegalStateException("failed"));
        started.get(1).complete("second");

        assertThat(results).containsExactly("first", "second");
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("failed");
    }
}
