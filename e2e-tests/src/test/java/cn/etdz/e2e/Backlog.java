package cn.etdz.e2e;

import cn.etdz.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the pipeline of a packaged stack still has to do after a change: events on the topics the evaluation service
 * consumes that its consumer group has not committed (it commits after applying them), and peer groups marked for
 * scoring or being scored (its gauge {@code evaluation_recompute_pending}). Zero of both, with empty outboxes, means
 * every change so far is in the scores.
 */
final class Backlog implements AutoCloseable {

    private static final List<String> CONSUMED = List.of("submissions.v1", "zones.v1", "indicators.v1", "reviews.v1",
            "periods.v1");
    private static final String GROUP = "evaluation-service";
    private static final String PENDING = "evaluation_recompute_pending";

    private final Admin admin;
    private final URI metrics;
    private final HttpClient http = HttpClient.newHttpClient();
    private long lastEvents;
    private long lastPeerGroups;

    Backlog(LocalStack stack) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()));
        metrics = URI.create(stack.managementUrl(stack.service("evaluation-service")) + "/q/metrics");
    }

    /** Events not yet applied plus peer groups not yet scored. */
    long pending() {
        lastEvents = unconsumedEvents();
        lastPeerGroups = unscoredPeerGroups();
        return lastEvents + lastPeerGroups;
    }

    /** The last reading, for a message when the backlog does not drain. */
    @Override
    public String toString() {
        return lastEvents + " events not yet applied by the evaluation service, " + lastPeerGroups
                + " peer groups not yet scored (its log says why)";
    }

    private long unconsumedEvents() {
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(CONSUMED).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(partition -> {
                TopicPartition at = new TopicPartition(topic.name(), partition.partition());
                ends.put(at, OffsetSpec.latest());
                starts.put(at, OffsetSpec.earliest());
            }));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends).all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = admin.listOffsets(starts).all()
                    .get(10, TimeUnit.SECONDS);
            long behind = 0;
            for (TopicPartition partition : ends.keySet()) {
                OffsetAndMetadata done = committed.get(partition);
                // a partition the group never committed is read from its start
                long from = done == null ? start.get(partition).offset() : done.offset();
                behind += Math.max(0, end.get(partition).offset() - from);
            }
            return behind;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the evaluation service's consumer lag", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long unscoredPeerGroups() {
        try {
            String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(line -> line.startsWith(PENDING + " ") || line.startsWith(PENDING + "{"))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElseThrow(() -> new IllegalStateException(PENDING + " is not among the metrics"));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the evaluation service's metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
