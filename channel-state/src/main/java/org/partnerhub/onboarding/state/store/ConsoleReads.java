package org.partnerhub.onboarding.state.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.state.console.ChannelPath;
import org.partnerhub.onboarding.state.console.StageChange;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.fold.StageMapping;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The console's reads. Each takes the caller's reach (hubs, tenants; empty: all) into the query, as the query API's
 * listing does, so a credential never receives a row it may not see. Channels come through {@link ChannelRows}, the
 * one mapping of a row.
 */
@ApplicationScoped
public class ConsoleReads {

    /** The history kinds that set a channel's status, and so its stage: its creation and each status change. */
    private static final String[] STATUS_KINDS = {"channel.created", "channel.status-changed"};

    @Inject
    Pool pool;

    /**
     * Every visible channel's stages from its history. The stage of a status is {@link StageMapping}'s, the same
     * the fold uses, so a stage added there is counted here as it is.
     */
    public Uni<List<ChannelPath>> paths(Optional<Set<String>> onlyHubs, Optional<Set<String>> onlyTenants) {
        Tuple parameters = Tuple.tuple().addValue(STATUS_KINDS).addValue(array(onlyHubs))
                .addValue(array(onlyTenants));
        return pool.preparedQuery("select c.channel_id, c.hub_id, c.tenant, c.status, h.to_value, h.occurred_at "
                + "from channel c left join channel_history h on h.channel_id = c.channel_id and h.kind = any($1) "
                + "where ($2::text[] is null or c.hub_id = any($2)) and ($3::text[] is null or c.tenant = any($3)) "
                + "order by c.channel_id, h.id")
                .execute(parameters).map(rows -> {
                    List<ChannelPath> paths = new ArrayList<>();
                    String channelId = null;
                    Row first = null;
                    List<StageChange> changes = new ArrayList<>();
                    for (Row row : rows) {
                        if (!row.getString("channel_id").equals(channelId)) {
                            if (first != null) {
                                paths.add(path(first, changes));
                            }
                            channelId = row.getString("channel_id");
                            first = row;
                            changes = new ArrayList<>();
                        }
                        Instant at = Rows.instant(row.getOffsetDateTime("occurred_at"));
                        if (at != null) {
                            changes.add(new StageChange(StageMapping.stage(row.getString("to_value")), at));
                        }
                    }
                    if (first != null) {
                        paths.add(path(first, changes));
                    }
                    return paths;
                });
    }

    /**
     * Channels unchanged since before {@code $1} that may still wait for a step: before running, or running/live
     * without permission or key. The console's {@code Waiting} decides which step (and whether any) from the stage,
     * permission and key; {@link #quietSince} and {@link #quietCounts} both take this condition, so the stuck list
     * and the stuck gauge agree.
     */
    private static final String QUIET = "updated_at < $1 and (stage = any($2) or (stage = any($3) "
            + "and (permission <> $4 or api_key <> $5)))";

    /** Visible channels of {@link #QUIET} before {@code before}, quietest first. */
    public Uni<List<ChannelState>> quietSince(Instant before, Optional<Set<String>> onlyHubs,
            Optional<Set<String>> onlyTenants, int limit) {
        return channels(QUIET, "updated_at, channel_id", onlyHubs, onlyTenants, limit, quietValues(before));
    }

    /** How many channels of every hub are in {@link #QUIET} before {@code before}, per stage, permission and key. */
    public Uni<List<QuietGroup>> quietCounts(Instant before) {
        Tuple parameters = Tuple.tuple();
        for (Object value : quietValues(before)) {
            parameters.addValue(value);
        }
        return pool.preparedQuery("select hub_id, stage, permission, api_key, count(*) as channels from channel "
                + "where " + QUIET + " group by hub_id, stage, permission, api_key")
                .execute(parameters).map(rows -> {
                    List<QuietGroup> groups = new ArrayList<>(rows.size());
                    rows.forEach(row -> groups.add(new QuietGroup(row.getString("hub_id"),
                            Rows.stage(row.getString("stage")), Rows.permission(row.getString("permission")),
                            Rows.apiKey(row.getString("api_key")), row.getLong("channels"))));
                    return groups;
                });
    }

    /** Channels of one hub with the same stage, permission and key that have been quiet. */
    public record QuietGroup(String hubId, ChannelStage stage, PermissionState permission, ApiKeyState apiKey,
            long channels) {
    }

    private static Object[] quietValues(Instant before) {
        String[] waiting = {ChannelStage.PENDING.value(), ChannelStage.READY.value(), ChannelStage.UNKNOWN.value()};
        String[] usable = {ChannelStage.RUNNING.value(), ChannelStage.LIVE.value()};
        return new Object[] {Rows.time(before), waiting, usable, Rows.lower(PermissionState.GRANTED),
            Rows.lower(ApiKeyState.PROVISIONED)};
    }

    /** Visible channels whose API key failed, most recent failure first. */
    public Uni<List<ChannelState>> failedKeys(Optional<Set<String>> onlyHubs, Optional<Set<String>> onlyTenants,
            int limit) {
        return channels("api_key = $1", "api_key_at desc nulls last, channel_id", onlyHubs, onlyTenants, limit,
                Rows.lower(ApiKeyState.FAILED));
    }

    private Uni<List<ChannelState>> channels(String condition, String order, Optional<Set<String>> onlyHubs,
            Optional<Set<String>> onlyTenants, int limit, Object... values) {
        Tuple parameters = Tuple.tuple();
        for (Object value : values) {
            parameters.addValue(value);
        }
        int next = values.length + 1;
        parameters.addValue(array(onlyHubs)).addValue(array(onlyTenants)).addValue(limit);
        String sql = "select * from channel where " + condition
                + " and ($" + next + "::text[] is null or hub_id = any($" + next + "))"
                + " and ($" + (next + 1) + "::text[] is null or tenant = any($" + (next + 1) + "))"
                + " order by " + order + " limit $" + (next + 2);
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            List<ChannelState> channels = new ArrayList<>(rows.size());
            rows.forEach(row -> channels.add(ChannelRows.channel(row)));
            return channels;
        });
    }

    private static ChannelPath path(Row channel, List<StageChange> changes) {
        return new ChannelPath(channel.getString("hub_id"), channel.getString("tenant"),
                StageMapping.stage(channel.getString("status")), changes);
    }

    private static String[] array(Optional<Set<String>> values) {
        return values.map(set -> set.toArray(String[]::new)).orElse(null);
    }
}
