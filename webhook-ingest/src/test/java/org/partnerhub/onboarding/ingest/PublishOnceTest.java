package org.partnerhub.onboarding.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.ingest.PublishOnce.Outcome;

class PublishOnceTest {

    private final PublishOnce once = new PublishOnce(new RecentIds(Duration.ofMinutes(10), 100, System::nanoTime));
    private final AtomicInteger records = new AtomicInteger();

    @Test
    void aRedeliveryAfterTheAcknowledgementWritesNoSecondRecord() {
        assertThat(once.publish("evt-1", acked()).join()).isEqualTo(Outcome.PUBLISHED);
        assertThat(once.publish("evt-1", acked()).join()).isEqualTo(Outcome.DUPLICATE);
        assertThat(once.publish("evt-2", acked()).join()).isEqualTo(Outcome.PUBLISHED);

        assertThat(records).hasValue(2);
    }

    @Test
    void aRedeliveryDuringThePublishWaitsForItsOutcome() {
        CompletableFuture<Void> firstAck = new CompletableFuture<>();
        CompletableFuture<Outcome> first = once.publish("evt-1", () -> {
            records.incrementAndGet();
            return firstAck;
        });
        CompletableFuture<Outcome> second = once.publish("evt-1", acked());

        assertThat(second).isNotDone();
        firstAck.complete(null);

        assertThat(first.join()).isEqualTo(Outcome.PUBLISHED);
        assertThat(second.join()).isEqualTo(Outcome.DUPLICATE);
        assertThat(records).hasValue(1);
    }

    @Test
    void aFailedPublishIsNotRememberedSoTheRetryPublishes() {
        CompletableFuture<Void> firstAck = new CompletableFuture<>();
        CompletableFuture<Outcome> first = once.publish("evt-1", () -> firstAck);
        CompletableFuture<Outcome> concurrent = once.publish("evt-1", acked());
        firstAck.completeExceptionally(new IllegalStateException("broker gone"));

        assertThat(first).isCompletedExceptionally();
        assertThat(concurrent).isCompletedExceptionally();
        assertThat(once.publish("evt-1", acked()).join()).isEqualTo(Outcome.PUBLISHED);
        assertThat(records).hasValue(1);
    }

    @Test
    void aPublisherThatThrowsIsAFailedPublish() {
        CompletableFuture<Outcome> outcome = once.publish("evt-1", () -> {
            throw new IllegalStateException("producer closed");
        });

        assertThat(outcome).isCompletedExceptionally();
        assertThat(once.publish("evt-1", acked()).join()).isEqualTo(Outcome.PUBLISHED);
    }

    private Supplier<CompletableFuture<Void>> acked() {
        return () -> {
            records.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        };
    }
}
