package cn.etdz.common.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service needs when they are missing, so its producers and subscriptions find them at once
 * (instead of after a metadata refresh, or with the broker's auto-created defaults). Each call to the broker waits at
 * most the given timeout, so an unreachable broker fails the attempt rather than hanging it. A topic another replica
 * creates at the same moment counts as created.
 */
public final class TopicAdministrator {

    private static final Logger LOG = Logger.getLogger(TopicAdministrator.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicAdministrator(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Creates those of {@code topics} that do not exist yet; returns the names this call created. */
    public List<String> createMissing(Collection<TopicSpec> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return List.of();
        }
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> created = new ArrayList<>();
        for (TopicSpec topic : topics) {
            if (existing.contains(topic.name())) {
                continue;
            }
            NewTopic request = new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty())
                    .configs(topic.configs());
            try {
                admin.createTopics(List.of(request)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(topic.name());
                LOG.infof("Created topic %s", topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }
}
