package vn.motcua.appointment.servicepoint;

import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

/** Which service points a staff member manages: an admin all of them, an officer or leader their agency's. */
public final class StaffScope {

    private StaffScope() {
    }

    public static boolean manages(Caller caller, ServicePoint point) {
        if (caller.is(Roles.ADMIN)) {
            return true;
        }
        return (caller.is(Roles.OFFICER) || caller.is(Roles.LEADER))
                && caller.agencyCode().map(point.agencyCode::equals).orElse(false);
    }

    public static void requireManages(Caller caller, ServicePoint point) {
        if (!manages(caller, point)) {
            throw new ServicePointProblems.NotYourServicePoint(point.code);
        }
    }
}
