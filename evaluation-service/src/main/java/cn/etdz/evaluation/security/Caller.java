package cn.etdz.evaluation.security;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling, from the verified token, and the province rule for submitters and reviewers. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public String subject() {
        return Optional.ofNullable(token.getName()).orElse(token.getSubject());
    }

    /** The submitter's province claim; empty for ministry roles. */
    public Optional<String> province() {
        return Optional.ofNullable(token.<Object>getClaim(Roles.PROVINCE_CLAIM)).map(Object::toString);
    }

    /** A province's submitter or reviewer and nothing more: analysts and admins read everything. */
    public boolean isProvincialOnly() {
        return (token.getGroups().contains(Roles.SUBMITTER) || token.getGroups().contains(Roles.REVIEWER))
                && !token.getGroups().contains(Roles.ANALYST) && !token.getGroups().contains(Roles.ADMIN);
    }

    /** Submitters and reviewers read the details (explanations) of their own province's zones only. */
    public void requireProvince(String zoneProvince) {
        if (isProvincialOnly() && !province().map(zoneProvince::equals).orElse(false)) {
            throw ProblemException.forbidden(province()
                    .map(own -> Message.of("evaluation.forbidden.own-province", own))
                    .orElse(Message.of("evaluation.forbidden.no-province")));
        }
    }
}
