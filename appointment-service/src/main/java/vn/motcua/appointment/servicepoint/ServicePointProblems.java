package vn.motcua.appointment.servicepoint;

import vn.motcua.web.problem.ApiException;

/** Errors of the service-point feature, one class per error with its stable code. */
public final class ServicePointProblems {

    private ServicePointProblems() {
    }

    public static class ServicePointExists extends ApiException {
        public ServicePointExists(String code) {
            super(409, "SERVICE_POINT_EXISTS", "Service point exists", "A service point with code " + code + " already exists");
        }
    }

    public static class InvalidSchedule extends ApiException {
        public InvalidSchedule(String detail) {
            super(400, "INVALID_OPENING_HOURS", "Opening hours are not valid", detail);
        }
    }

    public static class NotYourServicePoint extends ApiException {
        public NotYourServicePoint(String code) {
            super(403, "NOT_YOUR_SERVICE_POINT", "Forbidden", "Service point " + code + " belongs to another agency");
        }
    }
}
