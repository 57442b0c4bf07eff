package org.partnerhub.onboarding.state.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.permission.PermissionEvent;
import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.outbox.OutboxRelay;
import org.partnerhub.onboarding.outbox.OutboxWriter;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;
import org.partnerhub.onboarding.runtime.hubs.PaymentMode;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.runtime.tracing.TracedSpan;
import org.partnerhub.onboarding.runtime.tracing.Tracing;
import org.partnerhub.onboarding.state.outbox.Outgoing;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A Direct Payment client can grant or withdraw the partner's API-key permission in 360dialog's Client Hub at any
 * time, and no webhook tells. So for each client of a Direct Payment hub with Partner API credentials, the poller asks
 * which of its numbers it shares with the partner ({@code shared_client_numbers}), on the hot cadence for clients with
 * a channel in flight or recently changed and on the cold cadence for all ({@link PollPlan}), within the hub's calls
 * per minute ({@link CallBudget}). Every difference from the projection's permission ({@link PermissionDrift}) is
 * published as a confirmed {@code permission.granted} / {@code permission.revoked} with source {@code partner-api} to
 * {@code onboarding.permissions}, through the outbox like everything this service publishes; the fold reads it back
 * from there like the gateway's, so a rebuild sees it too, and key-provisioner follows the snapshots as for the popup.
 *
 * <p>Only one replica polls: the one leading the reconcilers, by the session-level PostgreSQL advisory lock that
 * {@link ReconcileLeader} holds. That keeps the calls within one budget per hub; should two replicas poll for a
 * moment during a change of leader, they publish the same event ids for the same observations, and the fold applies
 * each once.
 */
@Singleton
public class PermissionPoller {

    private static final Logger LOG = Logger.getLogger(PermissionPoller.class);

    @Inject
    ReconcileConfig config;

    @Inject
    ReconcileLeader leader;

    @Inject
    ObservedChannelSource source;

    @Inject
    ReconcileReads reads;

    @Inject
    HubsConfig hubs;

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Inject
    Tracing tracing;

    /** When each client was last asked about; on the leader only, so a new leader asks every client once first. */
    private final Map<ClientKey, Instant> lastAsked = new ConcurrentHashMap<>();
    private PollPlan plan;
    private CallBudget budget;

    /** What one poll did. */
    public record Poll(int asked, int published) {
    }

    @PostConstruct
    void init() {
        ReconcileConfig.Permissions permissions = config.permissions();
        plan = new PollPlan(permissions.hotInterval(), permissions.coldInterval());
        budget = new CallBudget(permissions.callsPerMinute());
    }

    @Scheduled(every = "${onboarding.reconcile.permissions.tick:30S}",
            delayed = "${onboarding.reconcile.permissions.tick:30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled() && config.permissions().enabled()) {
            tick(Instant.now()).filter(poll -> poll.asked() > 0).ifPresent(poll -> LOG.infof(
                    "Asked 360dialog about the shared numbers of %d client(s); %d permission change(s) published",
                    poll.asked(), poll.published()));
        }
    }

    /** Polls if this replica leads the reconcilers; empty if another does. */
    Optional<Poll> tick(Instant now) {
        return leader.lead() ? Optional.of(pollOnce(now)) : Optional.empty();
    }

    /** One poll of the clients due at {@code now}, within the hubs' budgets, whoever leads. */
    Poll pollOnce(Instant now) {
        Set<String> polled = directPaymentHubs();
        if (polled.isEmpty()) {
            return new Poll(0, 0);
        }
        List<PollPlan.Candidate> candidates = reads.clients(polled,
                now.minus(config.permissions().recentWindow())).await().indefinitely();
        Set<ClientKey> known = new HashSet<>();
        candidates.forEach(candidate -> known.add(candidate.client()));
        lastAsked.keySet().retainAll(known);
        int asked = 0;
        List<PermissionEvent> changes = new ArrayList<>();
        for (ClientKey client : plan.due(candidates, lastAsked, now)) {
            // A hub whose budget is spent leaves its due clients for a later tick; other hubs go on.
            if (!budget.take(client.hubId(), now)) {
                continue;
            }
            asked++;
            lastAsked.put(client, now);
            sharedChannels(client).ifPresent(shared -> changes.addAll(PermissionDrift.changes(client.hubId(),
                    client.clientId(), reads.permissions(client).await().indefinitely(), shared, now)));
        }
        return new Poll(asked, publish(changes));
    }

    private Set<String> directPaymentHubs() {
        Set<String> direct = new TreeSet<>();
        for (String hubId : source.answeringHubs()) {
            hubs.hub(hubId).filter(hub -> hub.paymentMode() == PaymentMode.DIRECT).ifPresent(hub -> direct.add(hubId));
        }
        return direct;
    }

    /** Empty when 360dialog does not know the client, or cannot answer now: then it is asked again at its cadence. */
    private Optional<Set<String>> sharedChannels(ClientKey client) {
        try {
            Optional<Set<String>> shared = source.sharedChannels(client.hubId(), client.clientId());
            if (shared.isEmpty()) {
                LOG.debugf("360dialog does not know client %s of hub %s", client.clientId(), client.hubId());
            }
            return shared;
        } catch (RuntimeException unavailable) {
            LOG.warnf("Partner API did not tell the shared numbers of client %s of hub %s: %s", client.clientId(),
                    client.hubId(), unavailable.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Writes the changes to the outbox, leaving out those the fold has applied already: such a change still showing
     * means it did not win (a permission fact that happened later decides), and publishing it again would change
     * nothing. A change published but not yet folded goes out again with the same id, which the fold applies once.
     */
    private int publish(List<PermissionEvent> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        String[] ids = changes.stream().map(PermissionEvent::id).toArray(String[]::new);
        // A change found by polling starts a trace, as a redirect does: its fold and key claim continue it.
        TracedSpan span = tracing.start("permission poll", SpanKind.INTERNAL, Optional.empty());
        Optional<TraceParent> trace = Optional.of(span.traceParent());
        int published;
        try {
            published = pool.withTransaction(connection -> connection
                    .preparedQuery("select event_id from applied_event where event_id = any($1)")
                    .execute(Tuple.of(ids))
                    .chain(rows -> {
                        Set<String> applied = new HashSet<>();
                        rows.forEach(row -> applied.add(row.getString("event_id")));
                        List<OutboxRecord> records = changes.stream().filter(change -> !applied.contains(change.id()))
                                .map(change -> Outgoing.event(change, trace)).toList();
                        return OutboxWriter.insert(connection, records).replaceWith(records.size());
                    }))
                    .await().indefinitely();
        } catch (RuntimeException e) {
            span.fail(e);
            throw e;
        }
        span.attribute("onboarding.published", Integer.toString(published)).end();
        relay.wake();
        return published;
    }
}
