package vn.motcua.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code motcua.delivery.*}: agencies' postal contracts, operators' waybill ranges, tariff, SLA. */
@ConfigMapping(prefix = "motcua.delivery")
public interface DeliveryConfig {

    /**
     * Per agency code (quote the key: {@code motcua.delivery.agencies."000.00.12.H29".customer-code}): the customer
     * code the operator knows the agency by, the operator it has a contract with, and its address (sender of results,
     * receiver of picked-up documents).
     */
    Map<String, Agency> agencies();

    /** Per operator code: waybill ranges to make sure exist at start-up. More can be added by an administrator. */
    Map<String, Operator> operators();

    /** How often orders waiting for a waybill number are retried; {@code off} disables it. */
    @WithDefault("60s")
    String waybillRetryEvery();

    Tariff tariff();

    Sla sla();

    interface Agency {
        String customerCode();

        @WithDefault("VNPOST")
        String operator();

        String name();

        String phone();

        String street();

        String communeCode();

        String communeName();

        String provinceCode();

        String provinceName();
    }

    interface Operator {
        /** Ranges as {@code PREFIX:FIRST-LAST:SUFFIX}, serials of 8 digits, e.g. {@code EL:10000000-19999999:VN}. */
        Optional<List<String>> waybillRanges();

        /** Below this many free numbers an alert is logged (and the gauge shows it). */
        @WithDefault("100")
        long lowWaterMark();
    }

    interface Tariff {
        /** Receiver and sender in the same province. */
        @WithDefault("22000")
        long sameProvinceVnd();

        @WithDefault("32000")
        long otherProvinceVnd();

        /** Discount for dossiers filed online (the policy encourages online filing). */
        @WithDefault("20")
        int onlineDiscountPercent();

        /** Extra charge when cash is collected on delivery. */
        @WithDefault("5000")
        long cashCollectionVnd();

        /** Fees are rounded up to a multiple of this. */
        @WithDefault("1000")
        long roundTo();
    }

    interface Sla {
        /** How often the watch runs; {@code off} disables it. */
        @WithDefault("5m")
        String checkEvery();

        /** A dispatched order must be picked up within this. */
        @WithDefault("PT48H")
        Duration pickupWithin();

        /** A picked-up order must show progress (a new report) within this. */
        @WithDefault("PT72H")
        Duration progressWithin();
    }
}
