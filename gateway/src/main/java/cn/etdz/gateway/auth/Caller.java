package cn.etdz.gateway.auth;

import cn.etdz.common.security.Roles;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.TreeSet;

/** What a verified token says about its bearer (also the body of {@code GET /api/v1/me}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Caller(String subject, Set<String> roles, String province) {

    /** The caller a verified token describes: its principal name, its groups as roles, its province claim. */
    static Caller of(JsonWebToken token) {
        Object province = token.getClaim(Roles.PROVINCE_CLAIM);
        Set<String> groups = token.getGroups();
        return new Caller(token.getName(), groups == null ? new TreeSet<>() : new TreeSet<>(groups),
                province == null ? null : String.valueOf(province).replace("\"", ""));
    }
}
