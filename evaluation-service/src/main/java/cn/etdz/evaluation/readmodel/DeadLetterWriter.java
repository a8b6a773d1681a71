package cn.etdz.evaluation.readmodel;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Moves a record that can never be processed to its topic's dead-letter topic, as it came (key, raw value, headers),
 * with two headers more: {@value #REASON_HEADER} (why) and {@value #SOURCE_HEADER} ({@code topic-partition@offset}).
 * A topic's dead-letter topic is the one configured for it, else its name with a suffix ({@code zones.v1.dlq}).
 */
public final class DeadLetterWriter {

    public static final String REASON_HEADER = "dlq_reason";
    public static final String SOURCE_HEADER = "dlq_source";
    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);

    private final Producer<String, byte[]> producer;
    private final Map<String, String> deadLetterTopics;
    private final String suffix;
    private final Duration sendTimeout;

    /**
     * @param deadLetterTopics dead-letter topic by source topic, where it is not the source's name and the suffix
     * @param sendTimeout      longest wait for Kafka to acknowledge a dead letter
     */
    public DeadLetterWriter(Producer<String, byte[]> producer, Map<String, String> deadLetterTopics, String suffix,
                            Duration sendTimeout) {
        this.producer = producer;
        this.deadLetterTopics = Map.copyOf(deadLetterTopics);
        this.suffix = suffix;
        this.sendTimeout = sendTimeout;
    }

    /** The dead-letter topic of a source topic. */
    public String topicFor(String source) {
        return deadLetterTopics.getOrDefault(source, source + suffix);
    }

    /**
     * Sends the record to its dead-letter topic and waits for Kafka's acknowledgement. Returns false when that failed:
     * the record has not moved, and the caller retries it rather than skip it.
     */
    public boolean send(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(topicFor(record.topic()), null, record.key(), record.value(), headers))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("Could not dead-letter %s-%d@%d, will retry: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return false;
        }
    }
}
