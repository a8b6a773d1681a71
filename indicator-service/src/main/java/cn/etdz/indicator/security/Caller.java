package cn.etdz.indicator.security;

import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling, from the verified token, and the province rule for submitters. */
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

    public boolean isSubmitter() {
        return token.getGroups().contains(Roles.SUBMITTER)
                && !token.getGroups().contains(Roles.ANALYST) && !token.getGroups().contains(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return token.getGroups().contains(Roles.ADMIN);
    }

    /** True when the caller may act for a zone of this province: submitters in their own, ministry roles everywhere. */
    public boolean mayActFor(String zoneProvince) {
        return !isSubmitter() || province().map(zoneProvince::equals).orElse(false);
    }

    /** Submitters act only within their own province; analysts and admins everywhere. */
    public void requireProvince(String zoneProvince) {
        if (!mayActFor(zoneProvince)) {
            throw ProblemException.forbidden("Submitters may act only for zones of their own province ("
                    + province().orElse("none in token") + ").");
        }
    }
}
