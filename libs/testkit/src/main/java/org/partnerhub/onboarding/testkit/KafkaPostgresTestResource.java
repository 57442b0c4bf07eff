package org.partnerhub.onboarding.testkit;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Hands a Quarkus test the real Kafka broker and a fresh PostgreSQL database of its own: the broker and the
 * server are shared by the JVM, the database is new on every start.
 */
public class KafkaPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Postgres.Database database = TestInfrastructure.postgres().createDatabase();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.username());
        config.put("quarkus.datasource.password", "");
        return config;
    }

    @Override
    public void stop() {
        // Shared servers stay up for the next test class; the database is simply left behind with the JVM.
    }
}
