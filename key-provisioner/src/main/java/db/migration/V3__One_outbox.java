package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.keys.store.Outbox;
import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.outbox.OutboxSchema;

/**
 * Moves key-provisioner onto the shared outbox: creates the {@code outbox} table, carries over every event of the
 * old {@code outbox_event} table not yet published (in their order, with the headers the old relay would have sent),
 * and drops the old table. In Java because the headers are computed from the decoded event, as the relay did.
 */
public class V3__One_outbox extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        EventCodec codec = new EventCodec();
        try (Statement statement = connection.createStatement()) {
            statement.execute(OutboxSchema.CREATE_TABLE);
        }
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select topic, record_key, type, payload from outbox_event "
                        + "where published_at is null order by id");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox (topic, record_key, headers, value) values (?, ?, ?, ?)")) {
            while (rows.next()) {
                byte[] payload = rows.getBytes("payload");
                OutboxRecord record = new OutboxRecord(rows.getString("topic"), rows.getString("record_key"),
                        CloudEventHeaders.asMap(codec.decode(rows.getString("type"), payload), Outbox.SOURCE), payload);
                insert.setString(1, record.topic());
                insert.setString(2, record.key());
                insert.setString(3, record.headersJson());
                insert.setBytes(4, record.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table outbox_event");
        }
    }
}
