package org.partnerhub.onboarding.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class PostgresTest {

    private final Postgres postgres = TestInfrastructure.postgres();

    @Test
    void sqlRoundTripThroughARealServer() throws SQLException {
        Postgres.Database db = postgres.createDatabase();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE channel (id text PRIMARY KEY, status text NOT NULL)");
            s.execute("INSERT INTO channel VALUES ('y9MiLoCH', 'running')");
            ResultSet rs = s.executeQuery("SELECT status, version() FROM channel WHERE id = 'y9MiLoCH'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("running");
            assertThat(rs.getString(2)).startsWith("PostgreSQL");
        }
    }

    @Test
    void everyDatabaseStartsEmpty() throws SQLException {
        Postgres.Database first = postgres.createDatabase();
        Postgres.Database second = postgres.createDatabase();
        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection c = connect(first); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE only_in_first (id int)");
        }
        try (Connection c = connect(second); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_first'");
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void urlsPointAtTheServer() {
        Postgres.Database db = postgres.database("orders");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/orders");
        assertThat(db.reactiveUrl()).isEqualTo("postgresql://localhost:" + postgres.port() + "/orders");
    }

    @Test
    void databaseNamesThatAreNotPlainIdentifiersAreRejected() {
        assertThatThrownBy(() -> postgres.createDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Connection connect(Postgres.Database db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
    }

    @Test
    void aStoppedServerRefusesConnectionsAndComesBackWithItsData() throws Exception {
        try (Postgres own = Postgres.start()) {
            Postgres.Database db = own.createDatabase();
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id text)");
                s.execute("INSERT INTO kept VALUES ('before the outage')");
            }

            own.stop();
            assertThatThrownBy(() -> connect(db).close()).isInstanceOf(SQLException.class);
            own.restart();

            try (Connection c = connect(db); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT id FROM kept");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before the outage");
            }
            assertThat(db.port()).isEqualTo(own.port());
        }
    }
}
