package vn.motcua.appointment.suspension;

import vn.motcua.web.problem.ApiException;

import java.time.format.DateTimeFormatter;

/** Errors of intake suspensions and urgent exceptions. */
public final class SuspensionProblems {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private SuspensionProblems() {
    }

    /**
     * 422: in-person intake is suspended. The message points the citizen to the channels that still work, as the
     * epidemic decisions require: online submission and postal return of the result.
     */
    public static class IntakeSuspended extends ApiException {
        public IntakeSuspended(IntakeSuspension suspension, String servicePointName) {
            super(422, "INTAKE_SUSPENDED", "In-person intake is suspended",
                    "Tạm dừng tiếp nhận hồ sơ trực tiếp tại " + servicePointName + " từ "
                            + SHOWN.format(suspension.startsAt.atZoneSameInstant(vn.motcua.calendar.WorkingCalendar.ZONE))
                            + " đến " + SHOWN.format(suspension.endsAt.atZoneSameInstant(vn.motcua.calendar.WorkingCalendar.ZONE))
                            + " (" + suspension.reason + "). Vui lòng nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia"
                            + " và chọn nhận kết quả qua dịch vụ bưu chính công ích. In-person intake is suspended "
                            + "(suspension " + suspension.id + "): submit your dossier online and choose postal return of "
                            + "the result; for an urgent case, request an exception.");
        }
    }

    public static class ScopeEmpty extends ApiException {
        public ScopeEmpty(String detail) {
            super(422, "SUSPENSION_SCOPE_EMPTY", "No service point in scope", detail);
        }
    }

    public static class NotActive extends ApiException {
        public NotActive(String id) {
            super(409, "SUSPENSION_NOT_ACTIVE", "Suspension not active", "Suspension " + id + " has ended");
        }
    }

    public static class AlreadyDecided extends ApiException {
        public AlreadyDecided(String id, ExceptionStatus status) {
            super(409, "EXCEPTION_ALREADY_DECIDED", "Already decided", "Exception request " + id + " is already " + status);
        }
    }
}
