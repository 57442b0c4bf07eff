import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.partnerhub.onboarding.testkit.KafkaBroker;

/**
 * The benchmark's Kafka side, run as a single-file program on libs/testkit's class path.
 *
 * <pre>
 * java BenchKafka.java broker PORT          start the testkit's KRaft broker, print READY, run until killed
 * java BenchKafka.java count SERVERS TOPIC  print how many records TOPIC holds (sum of its end offsets)
 * </pre>
 */
public class BenchKafka {

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "broker" -> {
                KafkaBroker broker = KafkaBroker.start(Integer.parseInt(args[1]), null);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
                System.out.println("READY " + broker.bootstrapServers());
                Thread.currentThread().join();
            }
            case "count" -> System.out.println(count(args[1], args[2]));
            default -> throw new IllegalArgumentException("broker PORT | count SERVERS TOPIC");
        }
    }

    private static long count(String servers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
