package org.partnerhub.onboarding.outbox;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.runtime.kafka.AcknowledgedProducer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnection;

/**
 * Runs the {@link OutboxDrain} of this service on a thread of its own: right after a transaction that added records
 * commits, on this replica or another (PostgreSQL {@code NOTIFY}, see {@link OutboxWriter}), when code of this
 * replica asks ({@link #wake()}), and every {@code onboarding.outbox.poll-interval} to catch up after a restart, a
 * Kafka outage or a lost notification. Replicas take turns through the drain's advisory lock.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    Pool pool;

    @Inject
    AcknowledgedProducer producer;

    @Inject
    MeterRegistry registry;

    /** Off only where nothing may be sent: a rebuild, or a test standing in for a crash before the relay ran. */
    @ConfigProperty(name = "onboarding.outbox.relay-enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "onboarding.outbox.page-size", defaultValue = "1000")
    int pageSize;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().name("outbox-relay").daemon().unstarted(runnable));
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<PgConnection> listening = new AtomicReference<>();
    private OutboxDrain drain;
    private Counter published;

    @PostConstruct
    void init() {
        drain = new OutboxDrain(pool, producer, pageSize);
        published = Counter.builder("outbox.published")
                .description("Outbox records Kafka acknowledged and the relay deleted")
                .register(registry);
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox records waiting to be relayed, as of the relay's last run")
                .register(registry);
    }

    /** Asks for a run soon, after a commit that added records; several requests while one is pending make one run. */
    public void wake() {
        if (enabled && wakeRequested.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeRequested.set(false);
                try {
                    relayPending();
                } catch (RuntimeException e) {
                    LOG.warnf("Outbox relay stopped at a failure, will retry: %s", e.getMessage());
                } finally {
                    countBacklog();
                }
            });
        }
    }

    @Scheduled(every = "${onboarding.outbox.poll-interval:5s}")
    void poll() {
        listen();
        wake();
    }

    /** Keeps one connection listening for commits; a lost one is replaced at the next poll, which covers the gap. */
    private void listen() {
        if (!enabled || listening.get() != null) {
            return;
        }
        try {
            PgConnection connection = PgConnection.cast(pool.getConnection().await().atMost(LISTEN_TIMEOUT)
                    .getDelegate());
            connection.notificationHandler(notification -> wake());
            connection.closeHandler(closed -> listening.compareAndSet(connection, null));
            listening.set(connection);
            connection.query("listen " + OutboxWriter.CHANNEL).execute().toCompletionStage().toCompletableFuture()
                    .get(LISTEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            LOG.debugf("Not listening for outbox commits yet, polling meanwhile: %s", e.getMessage());
            stopListening();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopListening();
        }
    }

    private void stopListening() {
        PgConnection connection = listening.getAndSet(null);
        if (connection != null) {
            connection.close();
        }
    }

    /** Sends everything committed so far, unless another replica's relay is at it; returns how many it sent. */
    public int relayPending() {
        return drain.drain(published::increment);
    }

    private void countBacklog() {
        try {
            backlog.set(pool.query("select count(*) from outbox").execute().await().indefinitely()
                    .iterator().next().getLong(0));
        } catch (RuntimeException e) {
            LOG.debugf("Could not count the outbox: %s", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        stopListening();
        executor.shutdownNow();
    }
}
