package cn.etdz.localstack;

import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import java.nio.file.Files;
import java.util.logging.Logger;
import java.nio.file.Path;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), running in this JVM from
 * Kafka's own server artifacts. Used by the services' tests and by the local run; never a stand-in.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class.getName());

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    /**
     * Formats fresh storage under {@code baseDirectory} (a temporary directory when null) and starts the broker.
     * A single node needs replication factor 1 for every internal topic, or group coordination never starts.
     */
    public static EmbeddedKafka start(Path baseDirectory) {
        // The broker shares the JVM with tests or the launcher: a broker fault must not halt the whole JVM.
        Exit.setExitProcedure((code, message) -> LOG.warning("Kafka asked to exit(" + code + "): " + message));
        Exit.setHaltProcedure((code, message) -> LOG.warning("Kafka asked to halt(" + code + "): " + message));
        try {
            TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1);
            if (baseDirectory != null) {
                Files.createDirectories(baseDirectory);
                nodes.setBaseDirectory(Files.createTempDirectory(baseDirectory, "kraft-"));
            }
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes.build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("min.insync.replicas", "1")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
    }

    /** {@code host:port} of the broker's client listener; stays the same across {@link #stopBroker()}/{@link #startBroker()}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Takes the broker down (the controller stays up), so tests can show what happens while Kafka is unreachable. */
    public void stopBroker() {
        cluster.brokers().values().forEach(BrokerServer::shutdown);
        cluster.brokers().values().forEach(BrokerServer::awaitShutdown);
    }

    /** Brings a stopped broker back on the same port. */
    public void startBroker() {
        try {
            cluster.brokers().values().forEach(BrokerServer::startup);
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Could not restart the embedded Kafka broker", e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Kafka broker", e);
        }
    }
}
