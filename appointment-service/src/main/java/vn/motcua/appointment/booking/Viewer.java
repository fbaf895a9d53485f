package vn.motcua.appointment.booking;

import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.appointment.servicepoint.StaffScope;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

/** Who looks at or acts on a booking: a citizen sees their own, staff their agency's service points (admin all). */
public record Viewer(String subject, boolean citizen, Caller caller) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.subject(), caller.is(Roles.CITIZEN) && !caller.isStaff(), caller);
    }

    public boolean sees(Booking booking, ServicePoint point) {
        return citizen ? booking.citizenId.equals(subject) : StaffScope.manages(caller, point);
    }

    /** The citizen as events and notifications need them, from the verified token's claims. */
    public Applicant applicant() {
        return new Applicant(subject, caller.displayName(), caller.claim("email").orElse(null),
                caller.claim("phone").orElse(null), "vi");
    }
}
