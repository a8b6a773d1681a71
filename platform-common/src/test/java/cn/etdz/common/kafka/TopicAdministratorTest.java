package cn.etdz.common.kafka;

import cn.etdz.localstack.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Topic administration against the real in-JVM broker. */
class TopicAdministratorTest {

    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(null);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.close();
    }

    @Test
    void createsMissingTopicsWithTheirPartitionsAndCompaction() throws Exception {
        TopicAdministrator topics = new TopicAdministrator(admin, Duration.ofSeconds(30));

        List<String> created = topics.createMissing(List.of(
                TopicSpec.partitioned("t1.submissions", 6), TopicSpec.compacted("t1.zones"),
                TopicSpec.single("t1.scores")));

        assertThat(created).containsExactly("t1.submissions", "t1.zones", "t1.scores");
        // a new topic reaches the broker's metadata a moment after its creation is acknowledged
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ExecutionException.class).untilAsserted(() -> {
            Map<String, TopicDescription> described = admin.describeTopics(created).allTopicNames().get();
            assertThat(described.get("t1.submissions").partitions()).hasSize(6);
            assertThat(described.get("t1.zones").partitions()).hasSize(1);
            assertThat(described.get("t1.scores").partitions()).hasSize(1);
            assertThat(cleanupPolicy("t1.zones")).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(cleanupPolicy("t1.scores")).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        });
    }

    @Test
    void leavesExistingTopicsAsTheyAre() throws Exception {
        admin.createTopics(List.of(new NewTopic("t2.submissions", Optional.of(2), Optional.empty()))).all().get();
        TopicAdministrator topics = new TopicAdministrator(admin, Duration.ofSeconds(30));

        List<String> created = topics.createMissing(List.of(
                TopicSpec.partitioned("t2.submissions", 6), TopicSpec.compacted("t2.zones")));
        List<String> again = topics.createMissing(List.of(
                TopicSpec.partitioned("t2.submissions", 6), TopicSpec.compacted("t2.zones")));

        assertThat(created).containsExactly("t2.zones");
        assertThat(again).isEmpty();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ExecutionException.class).untilAsserted(() ->
                assertThat(admin.describeTopics(List.of("t2.submissions")).allTopicNames().get()
                        .get("t2.submissions").partitions()).hasSize(2));
    }

    @Test
    void givesUpAfterItsTimeoutWhenTheBrokerCannotBeReached() {
        try (Admin unreachable = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            TopicAdministrator topics = new TopicAdministrator(unreachable, Duration.ofMillis(500));
            long started = System.nanoTime();

            assertThatThrownBy(() -> topics.createMissing(List.of(TopicSpec.single("t3.scores"))))
                    .isInstanceOf(TimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aTopicNeedsAPartition() {
        assertThatThrownBy(() -> TopicSpec.partitioned("t4.none", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String cleanupPolicy(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
