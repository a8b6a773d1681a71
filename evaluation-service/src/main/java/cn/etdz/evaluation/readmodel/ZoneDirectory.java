package cn.etdz.evaluation.readmodel;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The zones as the read side shows them (name, type, province), cached in memory: every ranking query needs them, and
 * they change only when a zone event is applied, which drops the cache after its commit.
 */
@ApplicationScoped
public class ZoneDirectory {

    /** What the API shows of a zone besides its scores; {@code nameEn} may be null. */
    public record ZoneInfo(String name, String nameEn, String type, String province) {
    }

    @Inject
    TransactionSynchronizationRegistry transactions;

    private volatile Map<String, ZoneInfo> zones;

    /** Every known zone by code; read in the caller's transaction when not cached. */
    public Map<String, ZoneInfo> all() {
        Map<String, ZoneInfo> cached = zones;
        if (cached != null) {
            return cached;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select code, name, name_en, type, province from zone").getResultList();
        Map<String, ZoneInfo> loaded = new HashMap<>();
        rows.forEach(row -> loaded.put((String) row[0], new ZoneInfo((String) row[1], (String) row[2], (String) row[3],
                (String) row[4])));
        zones = Map.copyOf(loaded);
        return zones;
    }

    /** Drops the cache once the current transaction (which changes a zone) has committed or rolled back. */
    public void invalidateAfterCompletion() {
        zones = null;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                zones = null;
            }
        });
    }
}
