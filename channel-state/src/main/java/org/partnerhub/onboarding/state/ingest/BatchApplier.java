package org.partnerhub.onboarding.state.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.outbox.OutboxRelay;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.runtime.tracing.Tracing;
import org.partnerhub.onboarding.state.fold.ChannelFold;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.fold.FoldOutput;
import org.partnerhub.onboarding.state.fold.Origin;
import org.partnerhub.onboarding.state.outbox.Outgoing;
import org.partnerhub.onboarding.state.store.ProjectionStore;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Folds a batch of records in one database transaction: load what the batch touches, fold, write rows, history,
 * applied ids and the outbox, commit. Only then is the batch acknowledged and the relay woken.
 *
 * <p>Several replicas may fold at once, each its own partitions: {@link ProjectionStore#load} serialises the
 * transactions that touch one channel or client with advisory locks. A batch the database rejects is split until the
 * records it rejects stand alone; those go to their dead-letter topic with the database's reason, the rest commit.
 */
@ApplicationScoped
public class BatchApplier {

    private static final Logger LOG = Logger.getLogger(BatchApplier.class);

    /** Tries of one transaction that met a lock race or a deadlock before its failure is the batch's. */
    private static final int TRIES = 5;

    @Inject
    Pool pool;

    @Inject
    ProjectionStore store;

    @Inject
    ChannelFold fold;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracing tracing;

    public Uni<Void> apply(List<IncomingRecord> records) {
        return apply(records, true).invoke(relay::wake);
    }

    /**
     * @param publish false when refolding history: what it would publish was published when it first happened, and
     *     a record the database rejects was dead-lettered then
     */
    public Uni<Void> apply(List<IncomingRecord> records, boolean publish) {
        return Uni.createFrom().deferred(() -> applyOnce(records, publish))
                .onFailure(DatabaseVerdict::retryable).retry().atMost(TRIES - 1)
                .onFailure(failure -> DatabaseVerdict.rejection(failure).isPresent())
                .recoverWithUni(rejected -> isolate(records, publish,
                        DatabaseVerdict.rejection(rejected).orElseThrow()));
    }

    /** Halves the rejected batch, each half on its own, in order, until the rejected records stand alone. */
    private Uni<Void> isolate(List<IncomingRecord> records, boolean publish, String reason) {
        if (records.size() > 1) {
            int half = records.size() / 2;
            return apply(records.subList(0, half), publish).chain(() -> apply(records.subList(half, records.size()),
                    publish));
        }
        if (records.getFirst() instanceof IncomingRecord.Facts facts && facts.origin() != null && publish) {
            LOG.warnf("Dead-lettering %s-%d@%d: %s", facts.origin().topic(), facts.origin().partition(),
                    facts.origin().offset(), reason);
            return apply(List.of(facts.origin().poison(reason)), true);
        }
        String what = switch (records.getFirst()) {
            case IncomingRecord.Poison poison -> "the dead letter of " + poison.topic() + "-" + poison.partition() + "@"
                    + poison.offset();
            case IncomingRecord.Facts facts when !publish -> "a record dead-lettered when first consumed";
            case IncomingRecord.Facts facts -> "facts read from the Partner API, asked again next run";
        };
        LOG.warnf("Skipped %s, which the database rejected: %s", what, reason);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> applyOnce(List<IncomingRecord> records, boolean publish) {
        List<Fact> facts = new ArrayList<>();
        // The trace context of each fact's record, by the fact's index.
        List<Optional<TraceParent>> causes = new ArrayList<>();
        List<OutboxRecord> deadLetters = new ArrayList<>();
        for (IncomingRecord record : records) {
            switch (record) {
                case IncomingRecord.Facts carried -> {
                    facts.addAll(carried.facts());
                    Optional<TraceParent> cause = carried.origin() == null ? Optional.empty()
                            : TraceParent.from(carried.origin().headers());
                    carried.facts().forEach(fact -> causes.add(cause));
                }
                case IncomingRecord.Poison poison -> deadLetters.add(Outgoing.deadLetter(poison));
            }
        }
        if (facts.isEmpty() && (deadLetters.isEmpty() || !publish)) {
            return Uni.createFrom().voidItem();
        }
        Set<String> eventIds = new HashSet<>();
        Set<String> channelIds = new HashSet<>();
        Set<String> clientIds = new HashSet<>();
        for (Fact fact : facts) {
            eventIds.add(fact.eventId());
            switch (fact) {
                case Fact.StatusObserved status -> {
                    channelIds.add(status.channelId());
                    addIfPresent(clientIds, status.clientId());
                }
                case Fact.PermissionChanged permission -> {
                    channelIds.add(permission.channelId());
                    addIfPresent(clientIds, permission.clientId());
                }
                case Fact.ApiKeyChanged apiKey -> channelIds.add(apiKey.channelId());
                case Fact.ClientSeen client -> clientIds.add(client.clientId());
                case Fact.TextNormalised note -> {
                    addIfPresent(channelIds, note.channelId());
                    addIfPresent(clientIds, note.clientId());
                }
            }
        }
        FoldSpans spans = new FoldSpans(tracing);
        return pool.withTransaction(connection -> store.load(connection, eventIds, channelIds, clientIds)
                .chain(projection -> {
                    FoldOutput out = new FoldOutput();
                    // What each fact publishes continues the trace of the record the fact came in.
                    List<Optional<TraceParent>> traces = new ArrayList<>();
                    for (int i = 0; i < facts.size(); i++) {
                        fold.apply(projection, facts.get(i), out);
                        Optional<TraceParent> trace = publish ? spans.continuing(causes.get(i)) : Optional.empty();
                        while (traces.size() < out.published().size()) {
                            traces.add(trace);
                        }
                    }
                    List<OutboxRecord> outbox = new ArrayList<>();
                    if (publish) {
                        outbox.addAll(outbox(out.published(), traces));
                        outbox.addAll(deadLetters);
                    }
                    return store.save(connection, projection, out, outbox)
                            .chain(() -> store.saveObservations(connection, unpublishedFacts(facts)))
                            .replaceWith(out);
                }))
                .invoke(out -> {
                    spans.committed();
                    if (publish) {
                        count(out.conflicts());
                    }
                })
                .onFailure().invoke(spans::failed)
                .replaceWithVoid();
    }

    /** Counted once committed, and not again by a rebuild, which meets the same conflicts. */
    private void count(List<FoldOutput.Conflict> conflicts) {
        for (FoldOutput.Conflict conflict : conflicts) {
            String name = switch (conflict.kind()) {
                case TENANT -> "onboarding.state.tenant.conflicts";
                case CLIENT -> "onboarding.state.client.conflicts";
            };
            registry.counter(name, "hub", conflict.hubId()).increment();
        }
    }

    /**
     * Every transition, but of a channel's snapshots only the batch's last: {@code channel.state} is compacted to the
     * latest snapshot per channel anyway, and each transition carries the snapshot of its own version.
     */
    private static List<OutboxRecord> outbox(List<Event> published, List<Optional<TraceParent>> traces) {
        Map<String, Integer> lastSnapshot = new HashMap<>();
        for (int i = 0; i < published.size(); i++) {
            if (published.get(i) instanceof ChannelSnapshot snapshot) {
                lastSnapshot.put(snapshot.channelId(), i);
            }
        }
        List<OutboxRecord> records = new ArrayList<>(published.size());
        for (int i = 0; i < published.size(); i++) {
            Event event = published.get(i);
            if (!(event instanceof ChannelSnapshot snapshot) || lastSnapshot.get(snapshot.channelId()) == i) {
                records.add(Outgoing.event(event, traces.get(i)));
            }
        }
        return records;
    }

    /** Facts the reconciler read from the Partner API: on no topic, so kept for a rebuild. */
    private static List<Fact.StatusObserved> unpublishedFacts(List<Fact> facts) {
        return facts.stream()
                .filter(fact -> fact instanceof Fact.StatusObserved status && status.source() != Origin.WEBHOOK)
                .map(Fact.StatusObserved.class::cast)
                .toList();
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
