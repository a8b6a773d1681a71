package cn.etdz.evaluation.readmodel;

import cn.etdz.localstack.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dead letters written to the real in-JVM broker, read back as an operator would. */
class DeadLetterWriterTest {

    private static EmbeddedKafka kafka;
    private static Producer<String, byte[]> producer;
    private static DeadLetterWriter deadLetters;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(null);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        deadLetters = new DeadLetterWriter(producer, Map.of("submissions.v1", "submissions.v1.dlq"), ".dlq",
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        kafka.close();
    }

    private static ConsumerRecord<String, byte[]> consumed(String topic, String key, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "e-9".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(topic, 3, 17, -1, TimestampType.CREATE_TIME, -1, -1, key, value, headers,
                Optional.empty());
    }

    @Test
    void aDeadLetterKeepsTheRecordAsItCameWithItsReasonAndSource() {
        byte[] unreadable = {(byte) 0xff, 0x00, 0x7b};

        boolean sent = deadLetters.send(consumed("submissions.v1", "SUZHOU", unreadable), "empty payload");

        assertThat(sent).isTrue();
        ConsumerRecord<String, byte[]> letter = readOne("submissions.v1.dlq");
        assertThat(letter.key()).isEqualTo("SUZHOU");
        assertThat(letter.value()).isEqualTo(unreadable);
        assertThat(header(letter, "ce_id")).isEqualTo("e-9");
        assertThat(header(letter, DeadLetterWriter.REASON_HEADER)).isEqualTo("empty payload");
        assertThat(header(letter, DeadLetterWriter.SOURCE_HEADER)).isEqualTo("submissions.v1-3@17");
    }

    @Test
    void aReferenceTopicsDeadLettersGoToItsNameWithTheSuffix() {
        assertThat(deadLetters.topicFor("zones.v1")).isEqualTo("zones.v1.dlq");
        assertThat(deadLetters.topicFor("submissions.v1")).isEqualTo("submissions.v1.dlq");

        assertThat(deadLetters.send(consumed("t2.zones", "WUXI", null), "unexpected event type x")).isTrue();

        ConsumerRecord<String, byte[]> letter = readOne("t2.zones.dlq");
        assertThat(letter.key()).isEqualTo("WUXI");
        assertThat(letter.value()).isNull();
        assertThat(header(letter, DeadLetterWriter.REASON_HEADER)).isEqualTo("unexpected event type x");
    }

    @Test
    void saysSoWhenKafkaCannotTakeTheDeadLetter() {
        try (Producer<String, byte[]> unreachable = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 500),
                new StringSerializer(), new ByteArraySerializer())) {
            DeadLetterWriter writer = new DeadLetterWriter(unreachable, Map.of(), ".dlq", Duration.ofSeconds(2));

            assertThat(writer.send(consumed("t3.zones", "WUXI", new byte[]{1}), "empty payload")).isFalse();
        }
    }

    private static ConsumerRecord<String, byte[]> readOne(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
