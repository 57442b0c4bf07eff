package org.partnerhub.onboarding.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private final String bootstrap = TestInfrastructure.kafka().bootstrapServers();

    @Test
    void aRecordProducedWithAcksAllAndIdempotenceIsConsumedBackWithKeyValueAndHeaders() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("round-trip", 3, (short) 1))).all().get();
        }

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("round-trip", "channel-1", "{\"hello\":\"kafka\"}");
            record.headers().add("ce_id", "abc".getBytes());
            sent = producer.send(record).get();
        }

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "round-trip-test");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of("round-trip"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertThat(received).hasSize(1);
        ConsumerRecord<String, String> record = received.get(0);
        assertThat(record.key()).isEqualTo("channel-1");
        assertThat(record.value()).isEqualTo("{\"hello\":\"kafka\"}");
        assertThat(record.partition()).isEqualTo(sent.partition());
        assertThat(new String(record.headers().lastHeader("ce_id").value())).isEqualTo("abc");
    }

    @Test
    void aStoppedBrokerRefusesClientsAndComesBackWithItsRecords() throws Exception {
        try (KafkaBroker own = KafkaBroker.start()) {
            Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, own.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, own.bootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "before the outage")).get();
            }

            own.stop();
            try (Admin admin = Admin.create(config)) {
                assertThatThrownBy(() -> admin.listTopics().names().get())
                        .as("a stopped broker answers no one");
            }
            own.restart();

            try (Admin admin = Admin.create(config)) {
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, own.bootstrapServers());
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(Set.of("kept"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                }
            }
            assertThat(values).containsExactly("before the outage");
        }
    }

    @Test
    void theBrokerIsStartedOncePerJvm() {
        assertThat(TestInfrastructure.kafka()).isSameAs(TestInfrastructure.kafka());
    }
}
