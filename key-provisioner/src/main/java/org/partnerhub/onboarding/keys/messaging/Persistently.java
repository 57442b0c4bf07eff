package org.partnerhub.onboarding.keys.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.keys.OnContext;
import org.partnerhub.onboarding.keys.Progress;

import io.smallrye.mutiny.Uni;

/**
 * Handles a decoded record until it succeeds. A failure here is the database or the broker, not the record, so it is
 * retried with backoff rather than sent to the dead-letter topic; meanwhile the partition waits (order is kept) and
 * readiness is down. Every retry runs on the record's Vert.x context, where its database session lives.
 */
final class Persistently {

    private static final Logger LOG = Logger.getLogger(Persistently.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private Persistently() {
    }

    static Uni<Void> handle(String part, Progress progress, Supplier<Uni<Void>> handling) {
        return Uni.createFrom().<Void>deferred(handling::get).runSubscriptionOn(OnContext.current())
                .onFailure().invoke(failure -> {
                    progress.stalled(part, failure);
                    LOG.warnf("Handling a %s record failed; retrying it: %s", part, failure.toString());
                })
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_WAIT).indefinitely()
                .invoke(() -> progress.progressed(part));
    }
}
