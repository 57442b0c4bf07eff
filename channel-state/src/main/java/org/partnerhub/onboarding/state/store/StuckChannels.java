package org.partnerhub.onboarding.state.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The reconciler's question. It stays on the SQL client, like the writes: the reconciler asks from the scheduler's
 * worker thread and waits, while a Hibernate Reactive session has to be opened on a Vert.x context.
 */
@ApplicationScoped
public class StuckChannels {

    /** A channel to look up at 360dialog. */
    public record StuckChannel(String hubId, String channelId) {
    }

    @Inject
    Pool pool;

    /**
     * Channels of the given hubs not yet live whose last fact is older than {@code before}, the quietest
     * first (a running channel too: its {@code channel_live} may have been lost, or a late webhook moved it back);
     * then, while there is room, channels known only from pending permission facts older than {@code before}
     * (360dialog has not reported them, perhaps because their webhooks were lost), the most recent first, so that ids
     * 360dialog never knew do not crowd out the channels of recent sign-ups.
     */
    public Uni<List<StuckChannel>> before(Instant before, Set<String> hubIds, int limit) {
        String[] hubs = hubIds.toArray(String[]::new);
        List<StuckChannel> stuck = new ArrayList<>();
        return pool.preparedQuery("select hub_id, channel_id from channel where stage <> 'live' "
                + "and last_fact_at < $1 and hub_id = any($2) order by last_fact_at limit $3")
                .execute(Tuple.of(Rows.time(before), hubs, limit))
                .invoke(rows -> rows.forEach(row -> stuck.add(stuckChannel(row))))
                .chain(() -> stuck.size() >= limit ? Uni.createFrom().item(List.<StuckChannel>of())
                        : pool.preparedQuery("select hub_id, channel_id from permission_fact f "
                                + "where verification = 'pending' and hub_id = any($2) "
                                + "and not exists (select 1 from channel c where c.channel_id = f.channel_id) "
                                + "group by hub_id, channel_id having max(occurred_at) < $1 "
                                + "order by max(occurred_at) desc limit $3")
                                .execute(Tuple.of(Rows.time(before), hubs, limit - stuck.size()))
                                .map(rows -> {
                                    List<StuckChannel> pending = new ArrayList<>(rows.size());
                                    rows.forEach(row -> pending.add(stuckChannel(row)));
                                    return pending;
                                }))
                .map(pending -> {
                    stuck.addAll(pending);
                    return stuck;
                });
    }

    private static StuckChannel stuckChannel(Row row) {
        return new StuckChannel(row.getString("hub_id"), row.getString("channel_id"));
    }
}
