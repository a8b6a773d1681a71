package cn.etdz.indicator.timeliness;

import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.submission.SubmissionRepository;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which zones reported a period, on time or late, and which are missing, per province. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TimelinessService {

    @Inject
    ZoneRepository zones;
    @Inject
    SubmissionRepository submissions;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;

    /** Zones count as expected when not exited and approved by the period's end; the caller's provinces only. */
    public TimelinessView timeliness(String period) {
        LocalDate periodEnd = LocalDate.of(Integer.parseInt(period), 12, 31);
        Map<String, Boolean> firstLate = submissions.firstRevisionLate(period);

        Map<String, List<ZoneEntity>> byProvince = new TreeMap<>();
        for (ZoneEntity zone : zones.listAll()) {
            boolean expected = !"EXITED".equals(zone.status) && (zone.approvedOn == null || !zone.approvedOn.isAfter(periodEnd));
            if (expected && caller.mayActFor(zone.province)) {
                byProvince.computeIfAbsent(zone.province, p -> new ArrayList<>()).add(zone);
            }
        }
        List<TimelinessView.Province> provinces = new ArrayList<>();
        TimelinessView.Counts total = new TimelinessView.Counts(0, 0, 0, 0, 0);
        for (var entry : byProvince.entrySet()) {
            int submitted = 0;
            int late = 0;
            List<String> missing = new ArrayList<>();
            for (ZoneEntity zone : entry.getValue()) {
                Boolean wasLate = firstLate.get(zone.code);
                if (wasLate == null) {
                    missing.add(zone.code);
                } else {
                    submitted++;
                    late += wasLate ? 1 : 0;
                }
            }
            missing.sort(null);
            TimelinessView.Counts counts = new TimelinessView.Counts(entry.getValue().size(), submitted,
                    submitted - late, late, missing.size());
            provinces.add(new TimelinessView.Province(entry.getKey(), counts, missing));
            total = total.plus(counts);
        }
        return new TimelinessView(period, config.submissions().deadline().atYear(Integer.parseInt(period) + 1),
                provinces, total);
    }
}
