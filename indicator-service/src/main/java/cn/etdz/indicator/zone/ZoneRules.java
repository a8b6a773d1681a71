package cn.etdz.indicator.zone;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of a zone registration: every problem at once. */
final class ZoneRules {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    static final int MAX_NAME = 200;
    /** Well before the first zones (1984); a guard against dates no database column holds. */
    static final int FIRST_APPROVAL_YEAR = 1900;
    private static final Set<String> STATUSES = Set.of("ACTIVE", "WARNED", "EXITED");

    private ZoneRules() {
    }

    static List<Violation> check(ZoneRequest zone, boolean checkCode) {
        List<Violation> violations = new ArrayList<>();
        if (checkCode && (zone.code() == null || !CODE.matcher(zone.code()).matches())) {
            violations.add(new Violation("code", "pattern",
                    Message.of("indicator.zone.code-pattern")));
        }
        if (zone.name() == null || zone.name().isBlank()) {
            violations.add(new Violation("name", "required", Message.of("indicator.zone.name-required")));
        }
        if (zone.name() != null && zone.name().length() > MAX_NAME) {
            violations.add(new Violation("name", "too-long", Message.of("indicator.zone.name-too-long", MAX_NAME)));
        }
        if (zone.nameEn() != null && zone.nameEn().length() > MAX_NAME) {
            violations.add(new Violation("nameEn", "too-long", Message.of("indicator.zone.name-too-long", MAX_NAME)));
        }
        if (zone.type() == null || !Set.of("ETDZ", "BECZ").contains(zone.type())) {
            violations.add(new Violation("type", "unknown-type", Message.of("indicator.zone.type")));
        }
        if (Region.ofProvince(zone.province()).isEmpty()) {
            violations.add(new Violation("province", "unknown-province",
                    Message.of("indicator.zone.province")));
        }
        if (zone.status() != null && !STATUSES.contains(zone.status())) {
            violations.add(new Violation("status", "unknown-status", Message.of("indicator.zone.status")));
        }
        if (zone.approvedOn() != null && (zone.approvedOn().getYear() < FIRST_APPROVAL_YEAR || zone.approvedOn().getYear() > 9999)) {
            violations.add(new Violation("approvedOn", "out-of-range",
                    Message.of("indicator.zone.approved-on", FIRST_APPROVAL_YEAR)));
        }
        if (zone.developedAreaKm2() != null
                && !(Double.isFinite(zone.developedAreaKm2()) && zone.developedAreaKm2() >= 0)) {
            violations.add(new Violation("developedAreaKm2", "out-of-range", Message.of("indicator.zone.developed-area")));
        }
        return violations;
    }
}
