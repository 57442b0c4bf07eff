package org.partnerhub.onboarding.keys.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.testkit.Postgres;
import org.partnerhub.onboarding.testkit.TestInfrastructure;

/** An upgrade from the service's own outbox table loses no event it had not published yet. */
class OneOutboxMigrationTest {

    private final EventCodec codec = new EventCodec();
    private final Postgres.Database database = TestInfrastructure.postgres().createDatabase();

    @Test
    void unpublishedEventsMoveToTheSharedOutboxInTheirOrderWithTheHeadersTheOldRelayWouldHaveSent()
            throws SQLException {
        migrate("2");
        Event published = failed("claim-published", 1);
        Event first = failed("claim-a", 1);
        Event second = failed("claim-a", 2);
        try (Connection db = connect()) {
            insertOldRow(db, published, Instant.parse("2026-11-01T10:00:00Z"));
            insertOldRow(db, first, null);
            insertOldRow(db, second, null);
        }

        migrate("latest");

        try (Connection db = connect(); ResultSet rows = db.createStatement().executeQuery(
                "select topic, record_key, headers, value from outbox order by seq")) {
            List<OutboxRecord> moved = new ArrayList<>();
            while (rows.next()) {
                moved.add(new OutboxRecord(rows.getString(1), rows.getString(2),
                        headers(rows.getString(3)), rows.getBytes(4)));
            }
            assertThat(moved).extracting(record -> record.headers().get(CloudEventHeaders.ID))
                    .containsExactly(first.id(), second.id());
            assertThat(moved.getFirst().headers()).isEqualTo(CloudEventHeaders.asMap(first, Outbox.SOURCE));
            assertThat(moved.getFirst().topic()).isEqualTo("channel.api-keys");
            assertThat(moved.getFirst().key()).isEqualTo(first.key());
            assertThat(codec.decode(first.type(), moved.getFirst().value())).isEqualTo(first);
            assertThat(db.getMetaData().getTables(null, null, "outbox_event", null).next())
                    .as("the old table is gone").isFalse();
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiKeyFailed failed(String claim, int attempt) {
        return new ApiKeyFailed("main", "channel-" + claim, "Partner API answered 500", false, attempt,
                Instant.parse("2026-11-01T09:00:00Z"), claim);
    }

    private void insertOldRow(Connection db, Event event, Instant publishedAt) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into outbox_event (event_id, topic, record_key, "
                + "type, payload, created_at, published_at) values (?, ?, ?, ?, ?, now(), ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.topic().defaultName());
            insert.setString(3, event.key());
            insert.setString(4, event.type());
            insert.setBytes(5, codec.encode(event));
            insert.setTimestamp(6, publishedAt == null ? null : Timestamp.from(publishedAt));
            insert.executeUpdate();
        }
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), "").target(target).load().migrate();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
    }
}
