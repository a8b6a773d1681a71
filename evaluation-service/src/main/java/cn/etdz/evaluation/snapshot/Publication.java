package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.readmodel.PeriodClosed;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes a period's official rankings when the period closes: the newest official snapshot of each zone type is
 * marked published at the closing time, in the transaction that records the period's state. An official snapshot
 * stored later while the period is closed is published as it is stored, and one stored after publication restates the
 * published one ({@link SnapshotWriter}).
 */
@ApplicationScoped
public class Publication {

    void onClosed(@Observes PeriodClosed closed) {
        Panache.getEntityManager().createNativeQuery("""
                        update score_snapshot set published_at = ?2
                        where id in (select distinct on (zone_type) id from score_snapshot
                                     where period = ?1 and basis = 'official'
                                     order by zone_type, computed_at desc, id desc)
                          and published_at is null""")
                .setParameter(1, closed.period()).setParameter(2, closed.closedAt()).executeUpdate();
        // the snapshots' descriptions changed: every replica's NewestSnapshots forgets what it knew
        Panache.getEntityManager().createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, NewestSnapshots.CHANNEL)
                .setParameter(2, closed.period()).getSingleResult();
    }
}
