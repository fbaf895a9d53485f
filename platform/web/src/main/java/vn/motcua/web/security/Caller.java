package vn.motcua.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.web.problem.CommonProblems;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from the verified JWT: subject, roles, and for officers the agency they belong to (claim
 * {@code agency}). Services authorise with it again even though the gateway did (defence in depth).
 */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency";

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;

    /**
     * The token's {@code sub}: the identity provider's stable, never-reassigned id of the person or client. Not the
     * principal name, which smallrye-jwt takes from {@code upn} or {@code preferred_username} first: usernames can be
     * renamed or reused, and every applicant, payer and recipient id would follow them.
     */
    public String subject() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new CommonProblems.Forbidden("Your token carries no subject (sub)");
        }
        return subject;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isStaff() {
        return is(Roles.OFFICER) || is(Roles.LEADER) || is(Roles.ADMIN);
    }

    public Optional<String> agencyCode() {
        return Optional.ofNullable(token.<Object>getClaim(AGENCY_CLAIM)).map(Object::toString).filter(s -> !s.isBlank());
    }

    /** The officer's agency; an officer token without one is refused rather than allowed to see everything. */
    public String requireAgency() {
        return agencyCode().orElseThrow(() -> new CommonProblems.Forbidden("Your token carries no agency; ask the administrator"));
    }

    public Optional<String> claim(String name) {
        return Optional.ofNullable(token.<Object>getClaim(name)).map(Object::toString);
    }

    public String displayName() {
        return claim("name").orElse(subject());
    }
}
