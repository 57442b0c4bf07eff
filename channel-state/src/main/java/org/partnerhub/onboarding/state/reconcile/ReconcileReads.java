package org.partnerhub.onboarding.state.reconcile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.events.state.PermissionState;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The projection as the permission poller and the slow re-read of running and live channels need it. On the SQL
 * client, like {@code store.StuckChannels}: both ask from a scheduler's worker thread and wait.
 */
@ApplicationScoped
public class ReconcileReads {

    /** Stages before running: the channel's onboarding is in flight. */
    private static final String[] IN_FLIGHT = {"pending", "ready"};
    private static final String[] USABLE = {"running", "live"};

    @Inject
    Pool pool;

    /**
     * Every client with channels in the given hubs; hot when one of its channels is in flight or changed (its last
     * version's fact time) at or after {@code changedSince}; with its channels' latest change. One scan of the channel
     * table per tick.
     */
    Uni<List<PollPlan.Candidate>> clients(Set<String> hubIds, Instant changedSince) {
        return pool.preparedQuery("select hub_id, client_id, bool_or(stage = any($2) or updated_at >= $3) as hot, "
                + "max(updated_at) as changed_at "
                + "from channel where hub_id = any($1) and client_id is not null group by hub_id, client_id")
                .execute(Tuple.of(hubIds.toArray(String[]::new), IN_FLIGHT, changedSince.atOffset(ZoneOffset.UTC)))
                .map(rows -> list(rows, row -> new PollPlan.Candidate(
                        new ClientKey(row.getString("hub_id"), row.getString("client_id")), row.getBoolean("hot"),
                        row.getOffsetDateTime("changed_at").toInstant())));
    }

    /** The permission of each channel the projection holds under the client. */
    Uni<List<PermissionDrift.ProjectedPermission>> permissions(ClientKey client) {
        return pool.preparedQuery("select channel_id, tenant, permission, permission_event_id, "
                + "stage = any($3) as in_flight from channel where hub_id = $1 and client_id = $2 order by channel_id")
                .execute(Tuple.of(client.hubId(), client.clientId(), IN_FLIGHT))
                .map(rows -> list(rows, row -> new PermissionDrift.ProjectedPermission(row.getString("channel_id"),
                        row.getString("tenant"),
                        PermissionState.valueOf(row.getString("permission").toUpperCase(Locale.ROOT)),
                        row.getString("permission_event_id"), row.getBoolean("in_flight"))));
    }

    /** Running and live channels of the given hubs after {@code afterChannelId}, in channel id order. */
    Uni<List<ObservedDifference.ProjectedChannel>> usableChannels(Set<String> hubIds, String afterChannelId,
            int limit) {
        return pool.preparedQuery("select hub_id, channel_id, client_id, status, account_mode, phone_number "
                + "from channel where stage = any($1) and hub_id = any($2) and channel_id > $3 "
                + "order by channel_id limit $4")
                .execute(Tuple.of(USABLE, hubIds.toArray(String[]::new), afterChannelId, limit))
                .map(rows -> list(rows, row -> new ObservedDifference.ProjectedChannel(row.getString("hub_id"),
                        row.getString("channel_id"), row.getString("client_id"), row.getString("status"),
                        row.getString("account_mode"), row.getString("phone_number"))));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> item) {
        List<T> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(item.apply(row)));
        return items;
    }
}
