package org.partnerhub.onboarding.testkit;

/**
 * The broker and the database server of one test JVM: each starts on first use, at most once, and stops
 * when the JVM exits. Every test class that asks gets its own database on the shared server.
 */
public final class TestInfrastructure {

    private static KafkaBroker kafka;
    private static Postgres postgres;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "testkit-kafka-stop"));
        }
        return kafka;
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = Postgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "testkit-postgres-stop"));
        }
        return postgres;
    }
}
