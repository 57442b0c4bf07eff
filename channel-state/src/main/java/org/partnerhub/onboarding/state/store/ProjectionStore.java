package org.partnerhub.onboarding.state.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.outbox.OutboxWriter;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.fold.ClientState;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.fold.FoldOutput;
import org.partnerhub.onboarding.state.fold.HistoryEntry;
import org.partnerhub.onboarding.state.fold.Projection;
import org.partnerhub.onboarding.state.fold.Origin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads the part of the projection a batch touches and writes the batch's outcome back, inside the caller's
 * transaction. Each table is written with one statement per batch ({@code unnest} of arrays), whatever the batch size.
 *
 * <p>Everything reaches PostgreSQL through the Vert.x SQL client: one transaction and a handful of {@code unnest}
 * statements per consumer batch is what makes folding fast, where an ORM session would track every row and flush one
 * statement per entity; the query API reads the same rows through the same mapping ({@link ChannelRows}).
 */
@ApplicationScoped
public class ProjectionStore {

    private static final String UPSERT_CLIENTS = """
            insert into client (client_id, hub_id, tenant, tenant_source, tenant_at, tenant_event_id, name,
                created_at, updated_at)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[],
                $7::text[], $8::timestamptz[], $9::timestamptz[])
            on conflict (client_id) do update set tenant = excluded.tenant, tenant_source = excluded.tenant_source,
                tenant_at = excluded.tenant_at, tenant_event_id = excluded.tenant_event_id, name = excluded.name,
                created_at = excluded.created_at, updated_at = excluded.updated_at
            """;

    private static final String INSERT_PERMISSION_FACTS = """
            insert into permission_fact (event_id, hub_id, channel_id, client_id, tenant, granted, source,
                verification, occurred_at)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[],
                $7::text[], $8::text[], $9::timestamptz[])
            on conflict do nothing
            """;

    private static final String INSERT_HISTORY = """
            insert into channel_history (channel_id, version, kind, from_value, to_value, event_id, source,
                occurred_at)
            select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::timestamptz[])
            """;

    private static final String INSERT_OBSERVATIONS = """
            insert into reconcile_observation (event_id, hub_id, channel_id, client_id, status, account_mode,
                phone_number, partner_payload, status_at, occurred_at)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::timestamptz[], $10::timestamptz[])
            on conflict do nothing
            """;

    /*
     * Lookups by a non-unique column for many keys at once are written as one index probe per key (a lateral
     * subquery that "offset 0" keeps from being flattened into a join) rather than "column = any($1)". Without
     * statistics (a new database filling up, before autovacuum has analysed it) PostgreSQL guesses that each key
     * matches 0.5 % of the rows, so that a few hundred keys look like the whole table and it scans all of it: in the
     * benchmark that one query took over 40 % of the live fold's time. Lookups by primary key need no such care: the unique index
     * tells the planner one row per key.
     */

    private static final String CHANNELS_OF_CLIENTS = """
            select c.channel_id from unnest($1::text[]) as k(client_id)
            cross join lateral (select channel_id from channel where client_id = k.client_id offset 0) c
            """;

    private static final String PERMISSION_FACTS_OF_CHANNELS = """
            select f.* from unnest($1::text[]) as k(channel_id)
            cross join lateral (select * from permission_fact where channel_id = k.channel_id offset 0) f
            order by f.event_id
            """;

    /**
     * Serialises the batch with every other transaction that folds one of its channels or clients, on any replica,
     * then reads what the batch touches. What makes folding safe across replicas, whatever the partitioning and the
     * assignor, is a transaction-scoped advisory lock per client and per channel ({@link AdvisoryLocks}), taken before
     * anything is read, so that applied ids and rows are read only once no other transaction can change them, and
     * also for channels and clients that have no row yet (row locks could not cover those).
     *
     * <p>The order, the same in every transaction, so that two never wait for each other in a circle: first all
     * clients, then all channels, each set in ascending key order, and nothing after.
     * <ol>
     *   <li>Clients: those the batch names, and the current clients of the channels it names (read unlocked: a
     *       channel's tenant is its client's, and a fact may move a channel away from its client).</li>
     *   <li>Channels: those the batch names, and every channel of the locked clients (a client's binding settles all
     *       its channels). That set is read once the clients are locked: a channel joins or leaves a client only in a
     *       transaction that holds that client's lock (as the client the fact names, or the channel's current
     *       one).</li>
     *   <li>Then the applied ids, the rows, the clients' rows, the kept permission facts.</li>
     * </ol>
     * A named channel may have moved to another client between step 1's unlocked read and its lock; then this
     * fails with {@link StaleLocks} and the caller tries the transaction again.
     */
    public Uni<Projection> load(SqlConnection connection, Set<String> eventIds, Set<String> channelIds,
            Set<String> clientIds) {
        Projection projection = new Projection();
        Set<String> lockedClients = new HashSet<>(clientIds);
        Set<String> lockedChannels = new HashSet<>(channelIds);
        return connection.preparedQuery("select distinct client_id from channel where channel_id = any($1) "
                + "and client_id is not null").execute(Tuple.of(channelIds.toArray(String[]::new)))
                .invoke(rows -> rows.forEach(row -> lockedClients.add(row.getString(0))))
                .chain(() -> pipelined(
                        lock(connection, AdvisoryLocks.clients(lockedClients)),
                        connection.preparedQuery(CHANNELS_OF_CLIENTS)
                                .execute(Tuple.of(lockedClients.toArray(String[]::new)))
                                .invoke(rows -> rows.forEach(row -> lockedChannels.add(row.getString(0))))
                                .replaceWithVoid()))
                .chain(() -> pipelined(
                        lock(connection, AdvisoryLocks.channels(lockedChannels)),
                        connection.preparedQuery("select event_id from applied_event where event_id = any($1)")
                                .execute(Tuple.of(eventIds.toArray(String[]::new)))
                                .invoke(rows -> rows.forEach(row -> projection.markApplied(row.getString(0))))
                                .replaceWithVoid(),
                        connection.preparedQuery("select * from channel where channel_id = any($1)")
                                .execute(Tuple.of(lockedChannels.toArray(String[]::new)))
                                .invoke(rows -> rows.forEach(row -> {
                                    ChannelState channel = ChannelRows.channel(row);
                                    if (channel.clientId() != null && !lockedClients.contains(channel.clientId())) {
                                        throw new StaleLocks(channel.channelId(), channel.clientId());
                                    }
                                    projection.put(channel);
                                }))
                                .replaceWithVoid(),
                        connection.preparedQuery("select * from client where client_id = any($1)")
                                .execute(Tuple.of(lockedClients.toArray(String[]::new)))
                                .invoke(rows -> rows.forEach(row -> projection.put(Rows.client(row))))
                                .replaceWithVoid(),
                        connection.preparedQuery(PERMISSION_FACTS_OF_CHANNELS)
                                .execute(Tuple.of(lockedChannels.toArray(String[]::new)))
                                .invoke(rows -> rows.forEach(row -> projection.put(Rows.permissionFact(row))))
                                .replaceWithVoid()))
                .replaceWith(projection);
    }

    /**
     * Sends the statements together, in this order, without waiting for each other's replies: the SQL client
     * pipelines them on the transaction's connection, so they cost one round trip. PostgreSQL still runs them one
     * after the other, in order, so a statement sent after a lock runs only once the lock is held. The first to fail
     * is the failure (its reply comes first; those after it fail only because it aborted the transaction).
     */
    @SafeVarargs
    private static Uni<Void> pipelined(Uni<Void>... statements) {
        return Uni.join().all(List.of(statements)).andFailFast().replaceWithVoid();
    }

    /**
     * Takes the locks in the array's order: {@code unnest} yields the elements in order and the scan calls the
     * function once per element as it goes, while an {@code order by} might be applied after the calls.
     */
    private static Uni<Void> lock(SqlConnection connection, Long[] keys) {
        if (keys.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("select pg_advisory_xact_lock(k) from unnest($1::bigint[]) as k")
                .execute(Tuple.of(keys)).replaceWithVoid();
    }

    /** Writes what the fold changed in one round trip; {@code outbox} is what to publish once the transaction commits. */
    public Uni<Void> save(SqlConnection connection, Projection projection, FoldOutput out,
            List<OutboxRecord> outbox) {
        return pipelined(
                upsertChannels(connection, out.changedChannels().stream().map(projection::channel).toList()),
                upsertClients(connection, out.changedClients().stream().map(projection::client).toList()),
                insertPermissionFacts(connection, out.permissionFacts()),
                insertHistory(connection, out.history()),
                insertApplied(connection, out.appliedIds()),
                OutboxWriter.insert(connection, outbox));
    }

    /** Keeps facts that are on no topic, so that a rebuild can fold them again. */
    public Uni<Void> saveObservations(SqlConnection connection, List<Fact.StatusObserved> observations) {
        if (observations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(INSERT_OBSERVATIONS).execute(Tuple.from(List.of(
                observations.stream().map(Fact.StatusObserved::eventId).toArray(String[]::new),
                observations.stream().map(Fact.StatusObserved::hubId).toArray(String[]::new),
                observations.stream().map(Fact.StatusObserved::channelId).toArray(String[]::new),
                observations.stream().map(Fact.StatusObserved::clientId).toArray(String[]::new),
                observations.stream().map(Fact.StatusObserved::status).toArray(String[]::new),
                observations.stream().map(Fact.StatusObserved::accountMode).toArray(String[]::new),
                observations.stream().map(Fact.StatusObserved::phoneNumber).toArray(String[]::new),
                observations.stream().map(Fact.StatusObserved::partnerPayload).toArray(String[]::new),
                observations.stream().map(o -> Rows.time(o.statusAt())).toArray(OffsetDateTime[]::new),
                observations.stream().map(o -> Rows.time(o.occurredAt())).toArray(OffsetDateTime[]::new))))
                .replaceWithVoid();
    }

    /** Every stored reconcile observation, as the facts they were. */
    public Uni<List<Fact>> observations(Pool pool) {
        return pool.query("select * from reconcile_observation order by event_id").execute().map(rows -> {
            List<Fact> facts = new ArrayList<>(rows.size());
            rows.forEach(row -> facts.add(Rows.observation(row)));
            return facts;
        });
    }

    private Uni<Void> upsertChannels(SqlConnection connection, List<ChannelState> channels) {
        if (channels.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(ChannelRows.UPSERT).execute(ChannelRows.upsertArguments(channels))
                .replaceWithVoid();
    }

    private Uni<Void> upsertClients(SqlConnection connection, Collection<ClientState> clients) {
        if (clients.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ClientState> list = List.copyOf(clients);
        return connection.preparedQuery(UPSERT_CLIENTS).execute(Tuple.from(List.of(
                list.stream().map(ClientState::clientId).toArray(String[]::new),
                list.stream().map(ClientState::hubId).toArray(String[]::new),
                list.stream().map(ClientState::tenant).toArray(String[]::new),
                list.stream().map(c -> Rows.lower(c.tenantSource())).toArray(String[]::new),
                list.stream().map(c -> Rows.time(Rows.bindingAt(c.tenantBinding()))).toArray(OffsetDateTime[]::new),
                list.stream().map(c -> Rows.bindingEventId(c.tenantBinding())).toArray(String[]::new),
                list.stream().map(ClientState::name).toArray(String[]::new),
                list.stream().map(c -> Rows.time(c.createdAt())).toArray(OffsetDateTime[]::new),
                list.stream().map(c -> Rows.time(c.updatedAt())).toArray(OffsetDateTime[]::new))))
                .replaceWithVoid();
    }

    private Uni<Void> insertPermissionFacts(SqlConnection connection, List<Fact.PermissionChanged> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(INSERT_PERMISSION_FACTS).execute(Tuple.from(List.of(
                facts.stream().map(Fact.PermissionChanged::eventId).toArray(String[]::new),
                facts.stream().map(Fact.PermissionChanged::hubId).toArray(String[]::new),
                facts.stream().map(Fact.PermissionChanged::channelId).toArray(String[]::new),
                facts.stream().map(Fact.PermissionChanged::clientId).toArray(String[]::new),
                facts.stream().map(Fact.PermissionChanged::tenant).toArray(String[]::new),
                facts.stream().map(Fact.PermissionChanged::granted).toArray(Boolean[]::new),
                facts.stream().map(f -> Origin.wire(f.source())).toArray(String[]::new),
                facts.stream().map(f -> Rows.lower(f.verification())).toArray(String[]::new),
                facts.stream().map(f -> Rows.time(f.occurredAt())).toArray(OffsetDateTime[]::new))))
                .replaceWithVoid();
    }

    private Uni<Void> insertHistory(SqlConnection connection, List<HistoryEntry> history) {
        if (history.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(INSERT_HISTORY).execute(Tuple.from(List.of(
                history.stream().map(HistoryEntry::channelId).toArray(String[]::new),
                history.stream().map(HistoryEntry::version).toArray(Long[]::new),
                history.stream().map(HistoryEntry::kind).toArray(String[]::new),
                history.stream().map(HistoryEntry::fromValue).toArray(String[]::new),
                history.stream().map(HistoryEntry::toValue).toArray(String[]::new),
                history.stream().map(HistoryEntry::eventId).toArray(String[]::new),
                history.stream().map(HistoryEntry::source).toArray(String[]::new),
                history.stream().map(h -> Rows.time(h.occurredAt())).toArray(OffsetDateTime[]::new))))
                .replaceWithVoid();
    }

    private Uni<Void> insertApplied(SqlConnection connection, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(
                "insert into applied_event (event_id) select unnest($1::text[]) on conflict do nothing")
                .execute(Tuple.of(eventIds.toArray(String[]::new))).replaceWithVoid();
    }
}
