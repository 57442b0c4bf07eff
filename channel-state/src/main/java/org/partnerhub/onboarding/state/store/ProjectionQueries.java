package org.partnerhub.onboarding.state.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.fold.ClientState;
import org.partnerhub.onboarding.state.fold.HistoryEntry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The projection's read side: what the query API and the reconciler ask. */
@ApplicationScoped
public class ProjectionQueries {

    /** Filters of a channel listing; absent fields do not filter. {@code after} is the last channel id seen. */
    public record ChannelFilter(String tenant, String clientId, String hubId, ChannelStage stage, String after,
            int limit) {
    }

    @Inject
    Pool pool;

    public Uni<ChannelState> channel(String channelId) {
        return pool.preparedQuery("select * from channel where channel_id = $1").execute(Tuple.of(channelId))
                .map(rows -> rows.size() == 0 ? null : Rows.channel(rows.iterator().next()));
    }

    /** Ordered by channel id, so that {@code after} pages through a stable order without offsets. */
    public Uni<List<ChannelState>> channels(ChannelFilter filter) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from channel where true");
        condition(sql, parameters, "tenant", filter.tenant());
        condition(sql, parameters, "client_id", filter.clientId());
        condition(sql, parameters, "hub_id", filter.hubId());
        condition(sql, parameters, "stage", filter.stage() == null ? null : Rows.lower(filter.stage()));
        if (filter.after() != null) {
            parameters.add(filter.after());
            sql.append(" and channel_id > $").append(parameters.size());
        }
        parameters.add(filter.limit());
        sql.append(" order by channel_id limit $").append(parameters.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters))
                .map(rows -> list(rows, Rows::channel));
    }

    public Uni<List<HistoryEntry>> history(String channelId) {
        return pool.preparedQuery("select * from channel_history where channel_id = $1 order by id")
                .execute(Tuple.of(channelId))
                .map(rows -> list(rows, Rows::history));
    }

    public Uni<ClientState> client(String clientId) {
        return pool.preparedQuery("select * from client where client_id = $1").execute(Tuple.of(clientId))
                .map(rows -> rows.size() == 0 ? null : Rows.client(rows.iterator().next()));
    }

    /**
     * Channels of the given hubs not yet running or live whose last fact is older than {@code before}, the quietest
     * first.
     */
    public Uni<List<ChannelState>> stuckBefore(Instant before, Set<String> hubIds, int limit) {
        return pool.preparedQuery("select * from channel where stage not in ('running', 'live') "
                + "and last_fact_at < $1 and hub_id = any($2) order by last_fact_at limit $3")
                .execute(Tuple.of(Rows.time(before), hubIds.toArray(String[]::new), limit))
                .map(rows -> list(rows, Rows::channel));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(mapper.apply(row)));
        return list;
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" and ").append(column).append(" = $").append(parameters.size());
        }
    }
}
