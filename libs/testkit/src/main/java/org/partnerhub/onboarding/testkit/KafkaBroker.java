package org.partnerhub.onboarding.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), running inside
 * this JVM from the Kafka jars. Replication settings are 1 so that transactions, idempotent producers and
 * consumer groups behave as on a cluster, only without redundancy.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);

    private final int port;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final Properties properties;
    private KafkaRaftServer server;

    private KafkaBroker(int port, Path logDir, boolean deleteOnClose, Properties properties, KafkaRaftServer server) {
        this.port = port;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.properties = properties;
        this.server = server;
    }

    /** Starts a broker on a random free port with a throw-away log directory. */
    public static KafkaBroker start() {
        return start(0, null);
    }

    /**
     * Starts a broker.
     *
     * @param port the client port, 0 for a random free one
     * @param dataDir where to keep the log, or null for a temporary directory deleted on close
     */
    public static KafkaBroker start(int port, Path dataDir) {
        long started = System.nanoTime();
        int clientPort = FreePorts.orPick(port);
        int controllerPort = FreePorts.pick();
        boolean temporary = dataDir == null;
        try {
            Path logDir = temporary ? Files.createTempDirectory("testkit-kafka-") : Files.createDirectories(dataDir);
            Properties props = brokerProperties(clientPort, controllerPort, logDir);
            format(props, logDir);
            KafkaBroker broker = new KafkaBroker(clientPort, logDir, temporary, props, server(props));
            LOG.infof("Kafka broker (KRaft) ready at %s in %d ms", broker.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the Kafka log directory", e);
        }
    }

    private static KafkaRaftServer server(Properties props) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return server;
    }

    /**
     * Stops the broker as an outage would, keeping its log directory and ports: clients see refused connections
     * until {@link #restart()}.
     */
    public synchronized void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Starts the stopped broker again on the same ports with the same log (same cluster id, same offsets). */
    public synchronized void restart() {
        long started = System.nanoTime();
        server = server(properties);
        LOG.infof("Kafka broker (KRaft) restarted at %s in %d ms", bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Properties brokerProperties(int clientPort, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers in tests join one at a time; the default 3 s delay would only slow every test down.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.backoff.ms", "1000");
        return p;
    }

    private static void format(Properties props, Path logDir) throws IOException {
        Path config = logDir.resolve("server.properties.format");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "testkit broker, used only to format the log directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--ignore-formatted", "--cluster-id",
                Uuid.randomUuid().toString(), "--config", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(config);
        if (exit != 0) {
            throw new IllegalStateException("kafka-storage format failed (" + exit + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (deleteOnClose) {
                try {
                    Utils.delete(logDir.toFile());
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", logDir, e.getMessage());
                }
            }
        }
    }
}
