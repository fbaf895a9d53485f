package vn.motcua.notification.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Example personalisation values for previews, from the demo data. */
final class SampleValues {

    private static final Map<String, String> VI = Map.ofEntries(
            Map.entry("name", "Nguyễn Văn An"), Map.entry("dossierCode", "000.00.12.H29-261123-0001"),
            Map.entry("procedureName", "Đăng ký khai sinh"), Map.entry("agencyName", "UBND phường Ba Đình"),
            Map.entry("submittedAt", "09:30 23/11/2026"), Map.entry("amount", "200.000 đ"),
            Map.entry("receiptNumber", "BN-2026-000123"), Map.entry("dueDate", "17:00 24/11/2026"),
            Map.entry("reason", "Thiếu bản sao giấy chứng sinh"), Map.entry("missingItems", "Giấy chứng sinh"),
            Map.entry("stepName", "Thẩm định"), Map.entry("stepDueDate", "17:00 24/11/2026"),
            Map.entry("resultSummary", "Giấy khai sinh bản chính"), Map.entry("previousDueDate", "17:00 24/11/2026"),
            Map.entry("newDueDate", "17:00 26/11/2026"), Map.entry("expiresAt", "09:30 24/11/2026"),
            Map.entry("paidAt", "10:00 23/11/2026"), Map.entry("refundAmount", "200.000 đ"),
            Map.entry("bookingCode", "LH-0042"), Map.entry("servicePointName", "Bộ phận một cửa phường Ba Đình"),
            Map.entry("servicePointAddress", "25 Đội Cấn, Ba Đình, Hà Nội"), Map.entry("bookingTime", "08:30 25/11/2026"),
            Map.entry("previousBookingTime", "08:30 24/11/2026"), Map.entry("queueNumber", "A015"),
            Map.entry("hoursBefore", "24"), Map.entry("decisionNote", "Không đủ căn cứ khẩn cấp"),
            Map.entry("trackingNumber", "EB123456789VN"), Map.entry("operator", "VNPOST"),
            Map.entry("deliveryStatus", "đang giao"), Map.entry("receiverName", "Nguyễn Văn An"),
            Map.entry("deliveredAt", "15:20 27/11/2026"), Map.entry("attempt", "1"),
            Map.entry("breach", "NOT_PICKED_UP"), Map.entry("since", "08:00 25/11/2026"));

    private SampleValues() {
    }

    static Map<String, String> forFields(Set<String> fields, String language) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String value = VI.getOrDefault(field, field);
            if ("en".equals(language)) {
                value = switch (field) {
                    case "amount", "refundAmount" -> "200,000 VND";
                    case "deliveryStatus" -> "out for delivery";
                    case "reason" -> "A copy of the birth certificate is missing";
                    default -> value;
                };
            }
            values.put(field, value);
        }
        return values;
    }
}
