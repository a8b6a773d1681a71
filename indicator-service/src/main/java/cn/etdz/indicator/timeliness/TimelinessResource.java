package cn.etdz.indicator.timeliness;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.security.Roles;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/api/v1/timeliness")
@Tag(name = "Timeliness", description = "Whether each province's data for a period arrived, and on time")
public class TimelinessResource {

    @Inject
    ZoneRepository zones;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.SUBMITTER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getTimeliness", summary = "Get the timeliness of a period",
            description = "Per province (省份): the zones expected to report a period, submitted, on time, late and missing, "
                    + "with the codes of the missing ones; annual data for year Y is due by 31 March of Y+1. "
                    + "Submitters see their own province only.")
    public TimelinessView timeliness(@Parameter(description = "The year, e.g. 2015", required = true)
                                     @QueryParam("period") String period) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        parameters.check();
        LocalDate periodEnd = LocalDate.of(Integer.parseInt(period), 12, 31);
        @SuppressWarnings("unchecked")
        List<Object[]> firsts = Panache.getEntityManager()
                .createNativeQuery("select zone_code, late from submission where period = :period and revision = 1")
                .setParameter("period", period)
                .getResultList();
        Map<String, Boolean> firstLate = new HashMap<>();
        firsts.forEach(row -> firstLate.put((String) row[0], (Boolean) row[1]));

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
