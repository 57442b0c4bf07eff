package org.partnerhub.onboarding.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Runs Kafka and PostgreSQL for the local stack until stopped (Ctrl-C or SIGTERM).
 *
 * <pre>
 * java -cp ... org.partnerhub.onboarding.testkit.LocalInfrastructure \
 *     --kafka-port 9092 --postgres-port 5432 [--data-dir DIR] [--database NAME]... [--control-port N]
 * </pre>
 *
 * Port 0 picks a free port. Without --data-dir everything is thrown away on exit. It prints one
 * {@code READY ...} line once both accept connections, so a launcher script can wait for it.
 * <p>
 * With --control-port, a loopback-only HTTP port lets a chaos test cause outages: {@code POST /kafka/stop},
 * {@code /kafka/start}, {@code /postgres/stop}, {@code /postgres/start}. A stopped server keeps its data and ports,
 * so clients see refused connections until it starts again with everything as it was.
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
            System.err.println("usage: LocalInfrastructure [--kafka-port N] [--postgres-port N] [--data-dir DIR]"
                    + " [--database NAME]... [--control-port N]");
            System.exit(2);
            return;
        }
        KafkaBroker kafka = KafkaBroker.start(options.kafkaPort, options.dataDir == null ? null : options.dataDir.resolve("kafka"));
        Postgres postgres = Postgres.start(options.postgresPort, options.dataDir == null ? null : options.dataDir.resolve("postgres"));
        options.databases.forEach(postgres::createDatabase);
        HttpServer control = options.controlPort < 0 ? null : control(options.controlPort, Map.of(
                "/kafka/stop", kafka::stop, "/kafka/start", kafka::restart,
                "/postgres/stop", postgres::stop, "/postgres/start", postgres::restart));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (control != null) {
                control.stop(0);
            }
            kafka.close();
            postgres.close();
            stopped.countDown();
        }, "local-infrastructure-stop"));
        System.out.printf("READY kafka=%s postgres=localhost:%d databases=%s%s%n", kafka.bootstrapServers(),
                postgres.port(), String.join(",", options.databases),
                control == null ? "" : " control=http://127.0.0.1:" + control.getAddress().getPort());
        System.out.flush();
        stopped.await();
    }

    /** One POST path per action; each answers once the action is done, 200 or 500 with the reason. */
    private static HttpServer control(int port, Map<String, Runnable> actions) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            actions.forEach((path, action) -> server.createContext(path, exchange -> act(exchange, action)));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the control port " + port, e);
        }
    }

    private static void act(HttpExchange exchange, Runnable action) throws IOException {
        int status;
        String answer;
        if (!"POST".equals(exchange.getRequestMethod())) {
            status = 405;
            answer = "POST only";
        } else {
            // Kafka loads plugin classes through the context class loader; the HTTP server's thread has the system
            // one, which under `mvn exec:java` does not see the project's classes.
            Thread.currentThread().setContextClassLoader(LocalInfrastructure.class.getClassLoader());
            try {
                action.run();
                status = 200;
                answer = "done";
            } catch (Throwable e) { // Scala code throws checked exceptions undeclared; the caller must get an answer
                e.printStackTrace();
                status = 500;
                answer = e.toString();
            }
        }
        System.out.printf("CONTROL %s %s%n", exchange.getRequestURI().getPath(), status);
        byte[] body = (answer + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    record Options(int kafkaPort, int postgresPort, Path dataDir, List<String> databases, int controlPort) {

        static Options parse(String[] args) {
            int kafkaPort = 9092;
            int postgresPort = 5432;
            Path dataDir = null;
            int controlPort = -1;
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
                    case "--control-port" -> controlPort = port(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " in " + Arrays.toString(args));
                }
            }
            return new Options(kafkaPort, postgresPort, dataDir, List.copyOf(databases), controlPort);
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
