package vn.motcua.delivery.order;

import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

/**
 * Whose orders a caller may see: an administrator all, an officer or leader their agency's, a citizen their own.
 * Anything else is "not found" (never "forbidden"), so nobody learns that someone else's order exists.
 */
public record Viewer(String subject, String agencyCode, boolean admin, boolean staff) {

    public static Viewer of(Caller caller) {
        boolean admin = caller.is(Roles.ADMIN);
        boolean staff = caller.is(Roles.OFFICER) || caller.is(Roles.LEADER);
        return new Viewer(caller.subject(), staff && !admin ? caller.requireAgency() : caller.agencyCode().orElse(null),
                admin, staff);
    }

    public boolean sees(DeliveryOrder order) {
        if (admin) {
            return true;
        }
        if (staff) {
            return order.agencyCode.equals(agencyCode);
        }
        return order.applicantId.equals(subject);
    }
}
