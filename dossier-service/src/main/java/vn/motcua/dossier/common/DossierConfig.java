package vn.motcua.dossier.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalTime;
import java.util.Map;

/** {@code motcua.dossier.*}: the rules of this service that operators may change. */
@ConfigMapping(prefix = "motcua.dossier")
public interface DossierConfig {

    Documents documents();

    DueDates dueDates();

    Overdue overdue();

    Quota quota();

    Tracking tracking();

    /** What one applicant may keep before submitting (see ApplicantQuota). */
    interface Quota {
        /** Unsubmitted drafts per applicant. */
        @WithDefault("20")
        int openDrafts();

        /** Bytes of documents in an applicant's dossiers still open for documents (300 MiB). */
        @WithDefault("314572800")
        long openBytes();
    }

    /** Public tracking by code and phone number (see TrackingAttempts). */
    interface Tracking {
        /** Wrong phone numbers per code within a window before the phone factor is locked. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        java.time.Duration lockWindow();

        /** How often expired windows are deleted (read by the scheduler). */
        @WithDefault("10m")
        String cleanupEvery();
    }

    /** The overdue job (read by the scheduler through property expressions). */
    interface Overdue {
        @WithDefault("5m")
        String every();

        @WithDefault("30s")
        String delay();
    }

    interface Documents {
        /** Directory of the filesystem document storage. */
        @WithDefault("data/documents")
        String directory();

        /** Hard cap on one document, whatever a procedure allows. */
        @WithDefault("10485760")
        long maxBytes();

        /** Documents per dossier. */
        @WithDefault("30")
        int maxPerDossier();
    }

    interface DueDates {
        /**
         * What a supplement request does to the due date: PAUSE (the clock stops while the applicant completes the
         * dossier; the due date moves by the working days that passed) or RESTART (counted again from resubmission).
         */
        @WithDefault("PAUSE")
        SupplementClock supplementClock();

        /** Time of day (Asia/Ho_Chi_Minh) on the due date at which a dossier becomes overdue. */
        @WithDefault("17:00")
        LocalTime endOfDay();

        /**
         * Extra closed days on top of the bundled Vietnamese calendar, e.g.
         * {@code motcua.dossier.due-dates.extra-holidays."2028-01-25"=Tết Nguyên Đán}.
         */
        Map<String, String> extraHolidays();
    }

    enum SupplementClock { PAUSE, RESTART }
}
