package org.partnerhub.onboarding.state.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.fold.Origin;
import org.partnerhub.onboarding.state.fold.Stamp;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one mapping between a channel and its row of {@code channel}, both ways: the fold's writes and reads, the
 * rebuild (which folds through the same path) and the query API all go through it. Enums and origins are stored as
 * they are published: lower case, and the origin's own string.
 */
public final class ChannelRows {

    private enum Type {
        TEXT("text", String[]::new),
        BOOLEAN("boolean", Boolean[]::new),
        BIGINT("bigint", Long[]::new),
        TIME("timestamptz", OffsetDateTime[]::new);

        final String sql;
        final IntFunction<Object[]> array;

        Type(String sql, IntFunction<Object[]> array) {
            this.sql = sql;
            this.array = array;
        }
    }

    private record Column(String name, Type type, Function<ChannelState, Object> value) {
    }

    /** Every column written, in the order of the upsert's arrays; {@code channel_id} first, the conflict key. */
    private static final List<Column> COLUMNS = List.of(
            new Column("channel_id", Type.TEXT, c -> c.identity().channelId()),
            new Column("hub_id", Type.TEXT, c -> c.identity().hubId()),
            new Column("client_id", Type.TEXT, c -> c.identity().clientId()),
            new Column("client_observed", Type.BOOLEAN, c -> c.identity().clientObserved()),
            new Column("tenant", Type.TEXT, c -> c.identity().tenant()),
            new Column("tenant_source", Type.TEXT, c -> Rows.lower(c.identity().tenantSource())),
            new Column("tenant_at", Type.TIME, c -> Rows.time(Rows.bindingAt(c.identity().tenantBinding()))),
            new Column("tenant_event_id", Type.TEXT, c -> Rows.bindingEventId(c.identity().tenantBinding())),
            new Column("phone_number", Type.TEXT, c -> c.identity().phoneNumber()),
            new Column("status", Type.TEXT, c -> c.hub().status()),
            new Column("status_at", Type.TIME, c -> Rows.time(c.hub().statusAt())),
            new Column("stage", Type.TEXT, c -> c.hub().stage().value()),
            new Column("account_mode", Type.TEXT, c -> c.hub().accountMode()),
            new Column("status_observed_at", Type.TIME, c -> Rows.time(Stamp.timeOf(c.hub().observed()))),
            new Column("status_event_id", Type.TEXT, c -> Stamp.eventIdOf(c.hub().observed())),
            new Column("permission", Type.TEXT, c -> Rows.lower(c.permission().state())),
            new Column("permission_source", Type.TEXT, c -> Origin.wire(c.permission().source())),
            new Column("permission_at", Type.TIME, c -> Rows.time(Stamp.timeOf(c.permission().decidedBy()))),
            new Column("permission_event_id", Type.TEXT, c -> Stamp.eventIdOf(c.permission().decidedBy())),
            new Column("api_key", Type.TEXT, c -> Rows.lower(c.apiKey().state())),
            new Column("api_key_reason", Type.TEXT, c -> c.apiKey().reason()),
            new Column("api_key_at", Type.TIME, c -> Rows.time(Stamp.timeOf(c.apiKey().decidedBy()))),
            new Column("api_key_event_id", Type.TEXT, c -> Stamp.eventIdOf(c.apiKey().decidedBy())),
            new Column("version", Type.BIGINT, c -> c.times().version()),
            new Column("created_at", Type.TIME, c -> Rows.time(c.times().createdAt())),
            new Column("updated_at", Type.TIME, c -> Rows.time(c.times().updatedAt())),
            new Column("last_fact_at", Type.TIME, c -> Rows.time(c.times().lastFactAt())));

    /** Inserts or replaces the channels given as one array per column ({@link #upsertArguments}). */
    static final String UPSERT = "insert into channel ("
            + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
            + ") select * from unnest("
            + IntStream.range(0, COLUMNS.size())
                    .mapToObj(i -> "$" + (i + 1) + "::" + COLUMNS.get(i).type().sql + "[]")
                    .collect(Collectors.joining(", "))
            + ") on conflict (channel_id) do update set "
            + COLUMNS.stream().skip(1).map(column -> column.name() + " = excluded." + column.name())
                    .collect(Collectors.joining(", "));

    private ChannelRows() {
    }

    static Tuple upsertArguments(List<ChannelState> channels) {
        Object[][] columns = new Object[COLUMNS.size()][];
        for (int column = 0; column < columns.length; column++) {
            columns[column] = COLUMNS.get(column).type().array.apply(channels.size());
            for (int i = 0; i < channels.size(); i++) {
                columns[column][i] = COLUMNS.get(column).value().apply(channels.get(i));
            }
        }
        return Tuple.from(List.of((Object[]) columns));
    }

    public static ChannelState channel(Row row) {
        return new ChannelState(
                new ChannelState.Identity(
                        row.getString("channel_id"),
                        row.getString("hub_id"),
                        row.getString("client_id"),
                        row.getBoolean("client_observed"),
                        Rows.tenantBinding(row.getString("tenant"), row.getString("tenant_source"),
                                Rows.instant(row.getOffsetDateTime("tenant_at")), row.getString("tenant_event_id")),
                        row.getString("phone_number")),
                new ChannelState.HubStatus(
                        row.getString("status"),
                        Rows.instant(row.getOffsetDateTime("status_at")),
                        row.getString("account_mode"),
                        Stamp.of(Rows.instant(row.getOffsetDateTime("status_observed_at")),
                                row.getString("status_event_id"))),
                new ChannelState.Permission(
                        Rows.permission(row.getString("permission")),
                        Origin.of(row.getString("permission_source")),
                        Stamp.of(Rows.instant(row.getOffsetDateTime("permission_at")),
                                row.getString("permission_event_id"))),
                new ChannelState.ApiKey(
                        Rows.apiKey(row.getString("api_key")),
                        row.getString("api_key_reason"),
                        Stamp.of(Rows.instant(row.getOffsetDateTime("api_key_at")),
                                row.getString("api_key_event_id"))),
                new ChannelState.Times(
                        row.getLong("version"),
                        Rows.instant(row.getOffsetDateTime("created_at")),
                        Rows.instant(row.getOffsetDateTime("updated_at")),
                        Rows.instant(row.getOffsetDateTime("last_fact_at"))));
    }
}
