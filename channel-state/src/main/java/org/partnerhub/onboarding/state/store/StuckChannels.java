package org.partnerhub.onboarding.state.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.state.fold.ChannelState;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The reconciler's question. It stays on the SQL client, like the writes: the reconciler asks from the scheduler's
 * worker thread and waits, while a Hibernate Reactive session has to be opened on a Vert.x context.
 */
@ApplicationScoped
public class StuckChannels {

    @Inject
    Pool pool;

    /**
     * Channels of the given hubs not yet running or live whose last fact is older than {@code before}, the quietest
     * first.
     */
    public Uni<List<ChannelState>> before(Instant before, Set<String> hubIds, int limit) {
        return pool.preparedQuery("select * from channel where stage not in ('running', 'live') "
                + "and last_fact_at < $1 and hub_id = any($2) order by last_fact_at limit $3")
                .execute(Tuple.of(Rows.time(before), hubIds.toArray(String[]::new), limit))
                .map(rows -> {
                    List<ChannelState> channels = new ArrayList<>(rows.size());
                    rows.forEach(row -> channels.add(Rows.channel(row)));
                    return channels;
                });
    }
}
