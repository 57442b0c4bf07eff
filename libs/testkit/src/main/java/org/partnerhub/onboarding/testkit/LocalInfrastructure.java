package org.partnerhub.onboarding.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Kafka and PostgreSQL for the local stack until stopped (Ctrl-C or SIGTERM).
 *
 * <pre>
 * java -cp ... org.partnerhub.onboarding.testkit.LocalInfrastructure \
 *     --kafka-port 9092 --postgres-port 5432 [--data-dir DIR] [--database NAME]...
 * </pre>
 *
 * Port 0 picks a free port. Without --data-dir everything is thrown away on exit. It prints one
 * {@code READY ...} line once both accept connections, so a launcher script can wait for it.
 */
public final class LocalInfrastructure {

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LocalInfrastructure [--kafka-port N] [--postgres-port N] [--data-dir DIR] [--database NAME]...");
            System.exit(2);
            return;
        }
        KafkaBroker kafka = KafkaBroker.start(options.kafkaPort, options.dataDir == null ? null : options.dataDir.resolve("kafka"));
        Postgres postgres = Postgres.start(options.postgresPort, options.dataDir == null ? null : options.dataDir.resolve("postgres"));
        options.databases.forEach(postgres::createDatabase);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            stopped.countDown();
        }, "local-infrastructure-stop"));
        System.out.printf("READY kafka=%s postgres=localhost:%d databases=%s%n", kafka.bootstrapServers(), postgres.port(),
                String.join(",", options.databases));
        System.out.flush();
        stopped.await();
    }

    record Options(int kafkaPort, int postgresPort, Path dataDir, List<String> databases) {

        static Options parse(String[] args) {
            int kafkaPort = 9092;
            int postgresPort = 5432;
            Path dataDir = null;
            List<String> databases = new ArrayList<>();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--kafka-port" -> kafkaPort = port(value);
                    case "--postgres-port" -> postgresPort = port(value);
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--database" -> databases.add(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " in " + Arrays.toString(args));
                }
            }
            return new Options(kafkaPort, postgresPort, dataDir, List.copyOf(databases));
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port: " + value);
            }
        }
    }
}
