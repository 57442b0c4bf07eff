package org.partnerhub.onboarding.state.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.state.fold.HistoryEntry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The query API's reads of {@code channel_history}. */
@ApplicationScoped
public class ChannelHistoryRepository {

    @Inject
    Pool pool;

    /** Every entry of the channel, oldest first: in insertion order, which is the order they were folded in. */
    public Uni<List<HistoryEntry>> of(String channelId) {
        return pool.preparedQuery("select * from channel_history where channel_id = $1 order by id")
                .execute(Tuple.of(channelId)).map(rows -> {
                    List<HistoryEntry> entries = new ArrayList<>(rows.size());
                    rows.forEach(row -> entries.add(new HistoryEntry(row.getString("channel_id"),
                            row.getLong("version"), row.getString("kind"), row.getString("from_value"),
                            row.getString("to_value"), row.getString("event_id"), row.getString("source"),
                            Rows.instant(row.getOffsetDateTime("occurred_at")))));
                    return entries;
                });
    }
}
