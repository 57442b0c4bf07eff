package org.partnerhub.onboarding.state.store;

import java.time.Instant;
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
import org.partnerhub.onboarding.state.fold.StageMapping;
import org.partnerhub.onboarding.state.fold.TenantBinding;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads the part of the projection a batch touches and writes the batch's outcome back, inside the caller's
 * transaction. Each table is written with one statement per batch ({@code unnest} of arrays), whatever the batch size.
 *
 * <p>This path stays on the Vert.x SQL client on purpose, while the query API reads through Panache entities: one
 * transaction and a handful of {@code unnest} statements per consumer batch is what makes folding fast, and a
 * Hibernate session would instead track every row and flush one statement per entity.
 */
@ApplicationScoped
public class ProjectionStore {

    private static final String UPSERT_CHANNELS = """
            insert into channel (channel_id, hub_id, client_id, client_observed, tenant, tenant_source, tenant_at,
                tenant_event_id, phone_number, status, status_at, stage, account_mode, permission, permission_source,
                permission_at, permission_event_id, api_key, api_key_reason, api_key_at, api_key_event_id, version,
                created_at, updated_at, last_fact_at)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[],
                $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::text[], $13::text[],
                $14::text[], $15::text[], $16::timestamptz[], $17::text[], $18::text[], $19::text[],
                $20::timestamptz[], $21::text[], $22::bigint[], $23::timestamptz[], $24::timestamptz[],
                $25::timestamptz[])
            on conflict (channel_id) do update set hub_id = excluded.hub_id, client_id = excluded.client_id,
                client_observed = excluded.client_observed, tenant = excluded.tenant,
                tenant_source = excluded.tenant_source, tenant_at = excluded.tenant_at,
                tenant_event_id = excluded.tenant_event_id,
                phone_number = excluded.phone_number, status = excluded.status, status_at = excluded.status_at,
                stage = excluded.stage, account_mode = excluded.account_mode, permission = excluded.permission,
                permission_source = excluded.permission_source, permission_at = excluded.permission_at,
                permission_event_id = excluded.permission_event_id, api_key = excluded.api_key,
                api_key_reason = excluded.api_key_reason, api_key_at = excluded.api_key_at,
                api_key_event_id = excluded.api_key_event_id, version = excluded.version,
                created_at = excluded.created_at, updated_at = excluded.updated_at,
                last_fact_at = excluded.last_fact_at
            """;

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

    /**
     * Locks the rows it reads, so that the consumer and the reconciler never fold the same channel at once: all
     * channels first, then all clients, each in id order, so two transactions never wait for each other in a circle.
     * Besides what the batch names it loads the clients of the loaded channels (their tenant is the channel's) and the
     * permission facts kept for the loaded channels (re-judged when a channel's client or tenant changes).
     */
    public Uni<Projection> load(SqlConnection connection, Set<String> eventIds, Set<String> channelIds,
            Set<String> clientIds) {
        Projection projection = new Projection();
        Set<String> allChannels = new HashSet<>(channelIds);
        Set<String> allClients = new HashSet<>(clientIds);
        return connection.preparedQuery("select event_id from applied_event where event_id = any($1)")
                .execute(Tuple.of(eventIds.toArray(String[]::new)))
                .invoke(rows -> rows.forEach(row -> projection.markApplied(row.getString(0))))
                .chain(() -> connection.preparedQuery("select * from channel where channel_id = any($1) "
                        + "or client_id = any($2) order by channel_id for update")
                        .execute(Tuple.of(channelIds.toArray(String[]::new), clientIds.toArray(String[]::new))))
                .invoke(rows -> rows.forEach(row -> {
                    ChannelState channel = Rows.channel(row);
                    projection.put(channel);
                    allChannels.add(channel.channelId());
                    if (channel.clientId() != null) {
                        allClients.add(channel.clientId());
                    }
                }))
                .chain(() -> connection.preparedQuery("select * from client where client_id = any($1) "
                        + "order by client_id for update").execute(Tuple.of(allClients.toArray(String[]::new))))
                .invoke(rows -> rows.forEach(row -> projection.put(Rows.client(row))))
                .chain(() -> connection.preparedQuery("select * from permission_fact where channel_id = any($1) "
                        + "order by event_id").execute(Tuple.of(allChannels.toArray(String[]::new))))
                .invoke(rows -> rows.forEach(row -> projection.put(Rows.permissionFact(row))))
                .replaceWith(projection);
    }

    /** Writes what the fold changed; {@code outbox} is what to publish once the transaction commits. */
    public Uni<Void> save(SqlConnection connection, Projection projection, FoldOutput out,
            List<OutboxRecord> outbox) {
        return upsertChannels(connection, out.changedChannels().stream().map(projection::channel).toList())
                .chain(() -> upsertClients(connection, out.changedClients().stream().map(projection::client).toList()))
                .chain(() -> insertPermissionFacts(connection, out.permissionFacts()))
                .chain(() -> insertHistory(connection, out.history()))
                .chain(() -> insertApplied(connection, out.appliedIds()))
                .chain(() -> OutboxWriter.insert(connection, outbox));
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
    public Uni<List<Fact>> observations(Pool pool, String source) {
        return pool.query("select * from reconcile_observation order by event_id").execute().map(rows -> {
            List<Fact> facts = new ArrayList<>(rows.size());
            rows.forEach(row -> facts.add(Rows.observation(row, source)));
            return facts;
        });
    }

    private Uni<Void> upsertChannels(SqlConnection connection, List<ChannelState> channels) {
        if (channels.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = channels.size();
        Object[][] columns = {
            new String[n], new String[n], new String[n], new Boolean[n], new String[n], new String[n],
            new OffsetDateTime[n], new String[n], new String[n], new String[n], new OffsetDateTime[n], new String[n],
            new String[n], new String[n], new String[n], new OffsetDateTime[n], new String[n], new String[n],
            new String[n], new OffsetDateTime[n], new String[n], new Long[n], new OffsetDateTime[n],
            new OffsetDateTime[n], new OffsetDateTime[n]
        };
        for (int i = 0; i < n; i++) {
            ChannelState c = channels.get(i);
            Object[] values = {
                c.channelId(), c.hubId(), c.clientId(), c.clientObserved(), c.tenant(), Rows.lower(c.tenantSource()),
                Rows.time(bindingAt(c.tenantBinding())), bindingEventId(c.tenantBinding()), c.phoneNumber(),
                c.status(), Rows.time(c.statusAt()), Rows.lower(StageMapping.stage(c.status())), c.accountMode(),
                Rows.lower(c.permission()), c.permissionSource(), Rows.time(c.permissionAt()), c.permissionEventId(),
                Rows.lower(c.apiKey()), c.apiKeyReason(), Rows.time(c.apiKeyAt()), c.apiKeyEventId(), c.version(),
                Rows.time(c.createdAt()), Rows.time(c.updatedAt()), Rows.time(c.lastFactAt())
            };
            for (int column = 0; column < values.length; column++) {
                columns[column][i] = values[column];
            }
        }
        return connection.preparedQuery(UPSERT_CHANNELS).execute(Tuple.from(List.of((Object[]) columns)))
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
                list.stream().map(c -> Rows.time(bindingAt(c.tenantBinding()))).toArray(OffsetDateTime[]::new),
                list.stream().map(c -> bindingEventId(c.tenantBinding())).toArray(String[]::new),
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
                facts.stream().map(Fact.PermissionChanged::source).toArray(String[]::new),
                facts.stream().map(f -> Rows.lower(f.verification())).toArray(String[]::new),
                facts.stream().map(f -> Rows.time(f.occurredAt())).toArray(OffsetDateTime[]::new))))
                .replaceWithVoid();
    }

    private static Instant bindingAt(TenantBinding binding) {
        return binding == null ? null : binding.at();
    }

    private static String bindingEventId(TenantBinding binding) {
        return binding == null ? null : binding.eventId();
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
