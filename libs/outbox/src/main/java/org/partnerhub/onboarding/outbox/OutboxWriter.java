package org.partnerhub.onboarding.outbox;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Adds records to the outbox inside the caller's transaction, so that they are committed with the change they report
 * or not at all, and wakes the relays once that transaction commits. The table is the one {@code libs/outbox}'s README specifies; each service's migrations create it.
 */
public final class OutboxWriter {

    private static final String INSERT_BATCH = """
            insert into outbox (topic, record_key, headers, value)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::bytea[])
            """;

    private static final String INSERT_ONE = """
            insert into outbox (topic, record_key, headers, value) values (:topic, :key, :headers, :value)
            """;

    /**
     * PostgreSQL delivers a notification only when its transaction commits, once per transaction and channel: it
     * wakes every replica's relay right after the commit, whichever service code committed.
     */
    static final String CHANNEL = "outbox";
    private static final String NOTIFY = "notify " + CHANNEL;

    private OutboxWriter() {
    }

    /** One statement for the whole batch; sequence numbers follow the list's order, which the relay keeps. */
    public static Uni<Void> insert(SqlConnection connection, List<OutboxRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(INSERT_BATCH).execute(Tuple.from(List.of(
                records.stream().map(OutboxRecord::topic).toArray(String[]::new),
                records.stream().map(OutboxRecord::key).toArray(String[]::new),
                records.stream().map(OutboxRecord::headersJson).toArray(String[]::new),
                records.stream().map(r -> Buffer.buffer(r.value())).toArray(Buffer[]::new))))
                .chain(() -> connection.query(NOTIFY).execute())
                .replaceWithVoid();
    }

    /** The same through a Hibernate Reactive session, for services whose transactions are the session's. */
    public static Uni<Void> insert(Mutiny.Session session, List<OutboxRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> inserted = Uni.createFrom().voidItem();
        for (OutboxRecord record : records) {
            inserted = inserted.chain(() -> session.createNativeQuery(INSERT_ONE)
                    .setParameter("topic", record.topic())
                    .setParameter("key", record.key())
                    .setParameter("headers", record.headersJson())
                    .setParameter("value", record.value())
                    .executeUpdate()
                    .replaceWithVoid());
        }
        return inserted.chain(() -> session.createNativeQuery(NOTIFY).executeUpdate()).replaceWithVoid();
    }
}
