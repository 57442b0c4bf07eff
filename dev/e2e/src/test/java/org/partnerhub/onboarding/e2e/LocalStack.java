package org.partnerhub.onboarding.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as {@code ./run-local} starts it: Kafka, PostgreSQL, the 360dialog sandbox and the four services
 * from their packaged {@code quarkus-app} folders, on free ports. Started once per test JVM and stopped with it, the
 * way a developer stops it: SIGTERM to {@code run-local}, which stops everything it started.
 */
final class LocalStack {

    /** Where the Direct Payment hub's numbers send their messages: one URL per tenant and channel. */
    static final String MESSAGING_WEBHOOK_TEMPLATE = "https://partner.example/whatsapp/{tenant}/{channelId}";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> PACKAGED = List.of("onboarding-gateway", "webhook-ingest", "channel-state",
            "key-provisioner", "dev/hub-sandbox");
    /** What run-local starts with {@code EXAMPLES=1}. */
    private static final String EXAMPLE = "dev/examples/channel-subscriber";
    /**
     * Quick lifecycles; a reconciler that looks at a channel a few seconds after its last fact (fast enough to heal
     * a dropped webhook within a test, slow enough never to beat a delivered one); key retries as quick as
     * 360dialog's Retry-After allows, and enough of them to outlast the fault test; a permission poller that asks
     * about recently changed clients every few seconds, so a Client Hub toggle shows within a test, with a budget that
     * asks about the first-install import's 1,000 clients within seconds rather than half an hour; and a messaging
     * webhook template for the Direct Payment hub; running and live channels read again every few seconds, so a lost
     * {@code channel_live} heals within a test.
     */
    private static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("SANDBOX_FAULTS_STEP_DELAY", "300ms"),
            Map.entry("SANDBOX_WEBHOOKS_RETRY_DELAY", "200ms"),
            Map.entry("ONBOARDING_RECONCILE_INTERVAL", "2S"),
            Map.entry("ONBOARDING_RECONCILE_STALE_AFTER", "6S"),
            Map.entry("ONBOARDING_RECONCILE_LIVE_INTERVAL", "3S"),
            Map.entry("ONBOARDING_RECONCILE_PERMISSIONS_TICK", "1S"),
            Map.entry("ONBOARDING_RECONCILE_PERMISSIONS_HOT_INTERVAL", "2S"),
            Map.entry("ONBOARDING_RECONCILE_PERMISSIONS_RECENT_WINDOW", "2M"),
            Map.entry("ONBOARDING_RECONCILE_PERMISSIONS_CALLS_PER_MINUTE", "3000"),
            Map.entry("ONBOARDING_KEYS_RETRY_INITIAL_DELAY", "200ms"),
            Map.entry("ONBOARDING_KEYS_RETRY_MAX_DELAY", "2s"),
            Map.entry("ONBOARDING_KEYS_RETRY_MAX_ATTEMPTS", "50"),
            Map.entry("ONBOARDING_HUBS_DIRECTPAY_MESSAGING_WEBHOOK_URL", MESSAGING_WEBHOOK_TEMPLATE));
    private static LocalStack shared;

    final URI gateway;
    final URI ingest;
    final URI state;
    final URI keys;
    final URI sandbox;
    /** dev/examples/channel-subscriber, running only in a stack started with {@code EXAMPLES=1} (the shared one). */
    final URI example;
    final String kafka;
    /** Bearer tokens of run-local's "reader" (channels:read) and "keys" (keys:read) credentials, chosen here. */
    final String readerToken;
    final String keysToken;
    final Path output;
    /** Instances per service; instance i listens on its service's port + 100*i. */
    final int replicas;
    /** libs/testkit's control port: POST /kafka/stop, /kafka/start, /postgres/stop, /postgres/start. */
    final URI infrastructure;
    private final Path repository;
    private final Process process;

    private LocalStack(Map<String, Integer> ports, String readerToken, String keysToken, Path output,
            int replicas, Path repository, Process process) {
        this.gateway = local(ports.get("GATEWAY_PORT"));
        this.ingest = local(ports.get("INGEST_PORT"));
        this.state = local(ports.get("STATE_PORT"));
        this.keys = local(ports.get("KEYS_PORT"));
        this.sandbox = local(ports.get("SANDBOX_PORT"));
        this.example = local(ports.get("EXAMPLE_PORT"));
        this.kafka = "127.0.0.1:" + ports.get("KAFKA_PORT");
        this.readerToken = readerToken;
        this.keysToken = keysToken;
        this.output = output;
        this.replicas = replicas;
        this.infrastructure = URI.create("http://127.0.0.1:" + ports.get("INFRA_CONTROL_PORT"));
        this.repository = repository;
        this.process = process;
    }

    static synchronized LocalStack shared() {
        if (shared == null) {
            // Every service of the shared stack exports its spans to the test's collector, as to a partner's.
            shared = start(1, Map.of("EXAMPLES", "1",
                    "ONBOARDING_TELEMETRY_OTLP_ENDPOINT", SpanCollector.shared().endpoint().toString()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "local-stack-stop"));
        }
        return shared;
    }

    /**
     * A stack of its own with {@code replicas} instances of each service and these settings on top of the usual
     * ones; the caller stops it.
     */
    static LocalStack start(int replicas, Map<String, String> settings) {
        Path repository = Path.of(System.getProperty("e2e.repository", "../..")).toAbsolutePath().normalize();
        List<String> packaged = new ArrayList<>(PACKAGED);
        if ("1".equals(settings.get("EXAMPLES"))) {
            packaged.add(EXAMPLE);
        }
        for (String module : packaged) {
            if (!Files.exists(repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))) {
                throw new IllegalStateException(module + " is not packaged; run ./mvnw verify (or package) first");
            }
        }
        Path output = Path.of(System.getProperty("e2e.output", "target/e2e")).toAbsolutePath();
        Map<String, Integer> ports = freePorts(replicas, "GATEWAY_PORT", "INGEST_PORT", "STATE_PORT", "KEYS_PORT",
                "SANDBOX_PORT", "KAFKA_PORT", "POSTGRES_PORT", "INFRA_CONTROL_PORT", "EXAMPLE_PORT");
        String readerToken = token();
        String keysToken = token();
        try {
            Files.createDirectories(output.resolve("logs"));
            ProcessBuilder builder = new ProcessBuilder(repository.resolve("run-local").toString())
                    .directory(repository.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.resolve("run-local.log").toFile());
            Map<String, String> env = builder.environment();
            ports.forEach((name, port) -> env.put(name, String.valueOf(port)));
            env.put("SKIP_BUILD", "1");
            env.put("LOGS_DIR", output.resolve("logs").toString());
            env.put("RUN_DIR", output.resolve("run").toString());
            env.put("REPLICAS", String.valueOf(replicas));
            env.put("READER_TOKEN", readerToken);
            env.put("KEYS_TOKEN", keysToken);
            env.putAll(SETTINGS);
            env.putAll(settings);
            LocalStack stack = new LocalStack(ports, readerToken, keysToken, output, replicas, repository,
                    builder.start());
            stack.awaitReady();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start run-local", e);
        }
    }

    private static String token() {
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        return "e2e-" + HexFormat.of().formatHex(token);
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Path log = output.resolve("run-local.log");
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(log);
            if (printed.contains("== ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("run-local ended before the stack was ready:\n" + printed
                        + "\nservice logs: " + output.resolve("logs"));
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("the stack was not ready within " + START_TIMEOUT + ":\n"
                + Files.readString(log) + "\nservice logs: " + output.resolve("logs"));
    }

    /** Instance {@code index} of a service whose instance 0 is at {@code base}. */
    static URI instance(URI base, int index) {
        return local(base.getPort() + 100 * index);
    }

    /** run-local's name of a service instance: the service for instance 0, else service-index. */
    static String instanceName(String service, int index) {
        return index == 0 ? service : service + "-" + index;
    }

    /** Kills the instance as a crash would (SIGKILL, no shutdown hooks); answers once it is gone. */
    void kill(String instance) {
        try {
            long pid = Long.parseLong(Files.readString(output.resolve("run").resolve(instance + ".pid")).trim());
            ProcessHandle.of(pid).ifPresent(handle -> {
                handle.destroyForcibly();
                handle.onExit().join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file for " + instance, e);
        }
    }

    /** Starts a killed instance again with dev/restart-instance; answers once it is ready. */
    void restart(String instance) {
        script("dev/restart-instance", instance);
    }

    /**
     * Rebuilds channel-state's projection from the topics with dev/rebuild-projection (every channel-state instance
     * killed first, started again by the caller); answers its line {@code Rebuilt the projection from N records ...}.
     */
    String rebuildProjection() {
        script("dev/rebuild-projection");
        try {
            List<String> printed = Files.readAllLines(output.resolve("restarts.log"));
            return printed.isEmpty() ? "" : printed.get(printed.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + output.resolve("restarts.log"), e);
        }
    }

    /** Runs one of the dev/ scripts that act on this stack's instances; its output is appended to restarts.log. */
    private void script(String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(repository.resolve(script).toString());
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(repository.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.resolve("restarts.log").toFile()));
            builder.environment().put("RUN_DIR", output.resolve("run").toString());
            builder.environment().put("LOGS_DIR", output.resolve("logs").toString());
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(script + " " + String.join(" ", args) + " failed ("
                        + exit + "); see " + output.resolve("restarts.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What a command of a service's jar printed, and how it ended. */
    record CommandRun(int exitCode, String output) {
    }

    /**
     * Runs {@code channel-state import ARGS} against this stack as an operator would: channel-state's own command
     * line, settings and secrets (run-local's {@code RUN_DIR}), the {@code import} profile, and {@code settings} on
     * top. Its output also lands in {@code logs/channel-state-import.log}.
     */
    CommandRun channelStateImport(Duration timeout, Map<String, String> settings, String... args) {
        Path run = output.resolve("run");
        Path log = output.resolve("logs").resolve("channel-state-import.log");
        try {
            String command = Files.readString(run.resolve("channel-state.cmd")).strip();
            List<String> line = new ArrayList<>(List.of("bash", "-c",
                    ". \"$RUN/env\" && export QUARKUS_PROFILE=prod,import && exec " + command + " import \"$@\"",
                    "channel-state-import"));
            line.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(line).directory(repository.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("RUN", run.toString());
            builder.environment().putAll(settings);
            Process importing = builder.start();
            if (!importing.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                importing.destroyForcibly();
                throw new AssertionError("channel-state import did not end within " + timeout + ":\n"
                        + Files.readString(log));
            }
            return new CommandRun(importing.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run channel-state import", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while channel-state import ran", e);
        }
    }


    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Restarted instances are not run-local's children: their pid files name them (checked to be a service, in
        // case the pid went to another process since).
        try (var pidFiles = Files.newDirectoryStream(output.resolve("run"), "*.pid")) {
            for (Path pidFile : pidFiles) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                        .filter(handle -> handle.info().commandLine().orElse("").contains("quarkus-run.jar"))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("could not read the instances' pid files: " + e);
        }
    }

    /** Free ports whose replicas' ports (+100*i) are free as well. */
    private static Map<String, Integer> freePorts(int replicas, String... names) {
        Set<Integer> taken = new HashSet<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : names) {
            int port;
            do {
                port = freePort();
            } while (!allFree(port, replicas, taken));
            ports.put(name, port);
        }
        return ports;
    }

    private static boolean allFree(int port, int replicas, Set<Integer> taken) {
        for (int i = 0; i < replicas; i++) {
            if (taken.contains(port + 100 * i) || (i > 0 && !isFree(port + 100 * i))) {
                return false;
            }
        }
        for (int i = 0; i < replicas; i++) {
            taken.add(port + 100 * i);
        }
        return true;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        int port;
        do {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free local port", e);
            }
        } while (port > 65535 - 1000);
        return port;
    }

    private static URI local(int port) {
        return URI.create("http://localhost:" + port);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
