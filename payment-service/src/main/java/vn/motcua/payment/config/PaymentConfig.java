package vn.motcua.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@code motcua.payment.*}: payment windows, the postal tariff, providers, refunds, receipts and the sandbox. */
@ConfigMapping(prefix = "motcua.payment")
public interface PaymentConfig {

    /**
     * Our public base URL as providers and browsers reach it (callbacks, return pages), e.g.
     * {@code https://dichvucong.example.vn}. Absent: this instance's own http://localhost:port (development).
     */
    Optional<String> publicBaseUrl();

    /**
     * Where the applicant's browser may be sent back after paying: origins (scheme, host and port, compared exactly;
     * a path is ignored). Anything else is refused, so that our return page is never an open redirect.
     */
    @WithDefault("http://localhost,https://localhost")
    List<String> allowedReturnUrls();

    /** How long the applicant has to pay once a payment is requested; then the obligation expires. */
    @WithDefault("P3D")
    Duration paymentWindow();

    /** A PENDING payment without a notification is queried at its provider after this long. */
    @WithDefault("PT5M")
    Duration queryPendingAfter();

    /**
     * A PENDING payment the provider still reports as unpaid after this long is closed as FAILED (reason TIMEOUT), so
     * that the applicant can start another one while the obligation is still open.
     */
    @WithDefault("PT30M")
    Duration attemptTimeout();

    /**
     * Fee-line codes only the system raises (the postal return fee, the dossier fee): an officer's extra obligation
     * may not use them. The codes of the dossier's own fee obligation are refused as well.
     */
    @WithDefault("POSTAL_RETURN,DOSSIER_FEE")
    List<String> systemFeeCodes();

    /** Refunds above this amount wait for a leader's approval. */
    @WithDefault("500000")
    long refundApprovalThresholdVnd();

    /** A refund still SENDING (no answer from the provider recorded) this long after its decision is sent again. */
    @WithDefault("PT1M")
    Duration refundResendAfter();

    Postal postal();

    RejectedNotifications rejectedNotifications();

    /** Provider notifications whose signature does not verify (public endpoints: anyone can send them). */
    interface RejectedNotifications {
        /** How many are stored per minute and instance; the rest are only counted. */
        @WithDefault("30")
        int samplePerMinute();

        /** The retention job deletes stored samples older than this. */
        @WithDefault("P7D")
        Duration retention();
    }

    Receipts receipts();

    Providers providers();

    Sandbox sandbox();

    Jobs jobs();

    /** The scheduled query of PENDING payments and expiry of obligations. */
    interface Jobs {
        @WithDefault("60s")
        String every();

        /** Delay after start-up before the first run. */
        @WithDefault("30s")
        String delay();
    }

    interface Postal {
        /** The postal return fee before discounts (public postal service tariff for documents). */
        @WithDefault("30000")
        long returnFeeVnd();

        @WithDefault("Phí chuyển phát kết quả qua dịch vụ bưu chính công ích")
        String returnFeeName();

        /** Discounts on the postal fee; the largest one that applies wins (they do not add up). */
        List<Discount> discounts();
    }

    interface Discount {
        String code();

        /** Percent off, 1..100. */
        int percent();

        /** True: only dossiers filed online get it. */
        @WithDefault("false")
        boolean onlineOnly();

        /** First day it applies (Asia/Ho_Chi_Minh), inclusive. */
        LocalDate validFrom();

        /** Last day it applies, inclusive; absent: open-ended. */
        Optional<LocalDate> validUntil();
    }

    interface Receipts {
        /** Receipt series prefix; the series symbol is prefix + two-digit year + "E" (electronic), e.g. MC26E. */
        @WithDefault("MC")
        String seriesPrefix();

        @WithDefault("Hệ thống một cửa điện tử motcua")
        String issuerName();
    }

    interface Providers {
        /** Timeout of every outbound call to a provider. */
        @WithDefault("10s")
        Duration timeout();

        Gateway gateway();

        Npp npp();
    }

    /** Card/QR gateway (VNPAY-style protocol). */
    interface Gateway {
        @WithDefault("true")
        boolean enabled();

        /** Where the applicant's browser is sent; absent: the built-in sandbox. */
        Optional<String> payUrl();

        /** The gateway's server API (querydr, refund); absent: the built-in sandbox. */
        Optional<String> apiUrl();

        @WithDefault("MOTCUA01")
        String terminalCode();

        /** The HMAC-SHA512 secret shared with the gateway. */
        String secret();
    }

    /** National payment platform (PayGov-style INIT / notify / check protocol). */
    interface Npp {
        @WithDefault("true")
        boolean enabled();

        /** Base URL of the platform's API; absent: the built-in sandbox. */
        Optional<String> apiUrl();

        @WithDefault("MOTCUA")
        String partnerCode();

        /** The shared secret appended to the SHA-256 hash input. */
        String secret();
    }

    interface Sandbox {
        /** Serves the SANDBOX provider under /sandbox/** (development and tests only). */
        @WithDefault("false")
        boolean enabled();
    }
}
