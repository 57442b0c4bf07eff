package org.partnerhub.onboarding.keys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/** The service's PostgreSQL database, read over JDBC to see what the service committed. */
final class TestDatabase {

    private TestDatabase() {
    }

    /** Every column of every row the query finds for the channel, row by row, as text. */
    static List<String> query(String sql, String channel) throws SQLException {
        try (Connection db = connect(); var statement = db.prepareStatement(sql)) {
            statement.setString(1, channel);
            ResultSet rows = statement.executeQuery();
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    values.add(rows.getString(column));
                }
            }
            return values;
        }
    }

    /** How many of the channels have a {@code PROVISIONED} claim. */
    static int provisioned(List<String> channels) throws SQLException {
        int count = 0;
        for (String channel : channels) {
            count += query("select 1 from key_claim where channel_id = ? and status = 'PROVISIONED'", channel).size();
        }
        return count;
    }

    static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), "");
    }
}
