package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.api.Page;
import cn.etdz.common.api.Paging;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.zone.ZoneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Stored submissions as the API reads them: one by id, or a filtered page; within the caller's province. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SubmissionReads {

    @Inject
    SubmissionRepository submissions;
    @Inject
    ZoneRepository zones;
    @Inject
    Caller caller;

    public SubmissionView get(long id) {
        SubmissionEntity submission = submissions.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.submission.unknown", id)));
        zones.findByIdOptional(submission.zoneCode).ifPresent(zone -> caller.requireProvince(zone.province));
        return SubmissionMapper.view(submission);
    }

    /** Submitters see their own province only, whatever province filter they pass. */
    public Page<SubmissionView> list(String zone, String period, String province, SubmissionStatus status, int page,
                                     int size) {
        String effectiveProvince = province;
        if (caller.isProvincial()) {
            String own = caller.province().orElse("none");
            if (province != null && !province.equals(own)) {
                throw ProblemException.forbidden(Message.of("indicator.forbidden.read-own-province", own));
            }
            effectiveProvince = own;
        }
        var query = submissions.filtered(zone, period, effectiveProvince, status);
        long total = query.count();
        List<SubmissionView> items = Paging.pastTheEnd(page, size, total) ? List.of()
                : query.page(page, size).list().stream().map(SubmissionMapper::view).toList();
        return new Page<>(items, page, size, total);
    }
}
