package cn.etdz.indicator.security;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from the verified token, and the province rule for submitters and reviewers. The claims are read from the token
 * once per request: a batch asks for them for each of its hundreds of submissions, and every read through the token's
 * proxy converts the claim afresh.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    private String subject;
    private Optional<String> province;
    private Set<String> groups;

    public String subject() {
        if (subject == null) {
            subject = Optional.ofNullable(token.getName()).orElse(token.getSubject());
        }
        return subject;
    }

    /** The submitter's or reviewer's province claim; empty for ministry roles. */
    public Optional<String> province() {
        if (province == null) {
            province = Optional.ofNullable(token.<Object>getClaim(Roles.PROVINCE_CLAIM)).map(Object::toString);
        }
        return province;
    }

    public boolean isSubmitter() {
        return groups().contains(Roles.SUBMITTER) && !groups().contains(Roles.ANALYST) && !groups().contains(Roles.ADMIN);
    }

    /** A province's reviewer and no ministry role. */
    public boolean isReviewer() {
        return groups().contains(Roles.REVIEWER) && !groups().contains(Roles.ANALYST) && !groups().contains(Roles.ADMIN);
    }

    /** A province's submitter or reviewer, acting within that province only. */
    public boolean isProvincial() {
        return isSubmitter() || isReviewer();
    }

    public boolean isAnalyst() {
        return groups().contains(Roles.ANALYST);
    }

    public boolean isAdmin() {
        return groups().contains(Roles.ADMIN);
    }

    private Set<String> groups() {
        if (groups == null) {
            groups = Set.copyOf(token.getGroups());
        }
        return groups;
    }

    /**
     * True when the caller may act for a zone of this province: submitters and reviewers in their own, ministry roles
     * everywhere.
     */
    public boolean mayActFor(String zoneProvince) {
        return !isProvincial() || province().map(zoneProvince::equals).orElse(false);
    }

    /** Why a submitter or reviewer may not act for a zone of another province, naming their own. */
    public Message ownProvinceOnly() {
        if (isReviewer()) {
            return province().map(own -> Message.of("indicator.forbidden.reviewer-own-province", own))
                    .orElse(Message.of("indicator.forbidden.reviewer-no-province"));
        }
        return province().map(own -> Message.of("indicator.forbidden.own-province", own))
                .orElse(Message.of("indicator.forbidden.no-province"));
    }

    /**
     * The province a listing may show: for submitters and reviewers their own (403 when they ask for another, or their
     * token names none), for ministry roles the one asked for, or every province when null.
     */
    public String readableProvince(String asked) {
        if (!isProvincial()) {
            return asked;
        }
        String own = province().orElseThrow(() ->
                ProblemException.forbidden(Message.of("indicator.forbidden.read-no-province")));
        if (asked != null && !asked.equals(own)) {
            throw ProblemException.forbidden(Message.of("indicator.forbidden.read-own-province", own));
        }
        return own;
    }

    /** Submitters and reviewers act only within their own province; analysts and admins everywhere. */
    public void requireProvince(String zoneProvince) {
        if (!mayActFor(zoneProvince)) {
            throw ProblemException.forbidden(ownProvinceOnly());
        }
    }
}
