package vn.motcua.notification.rules;

import java.util.Map;

/** Readable names of the normalised postal statuses, in both languages. */
final class DeliveryStatusNames {

    private static final Map<String, String[]> NAMES = Map.ofEntries(
            Map.entry("CREATED", new String[]{"đã tạo đơn", "order created"}),
            Map.entry("DISPATCHED", new String[]{"đã chuyển cho bưu chính", "handed to the postal operator"}),
            Map.entry("PICKED_UP", new String[]{"bưu tá đã nhận", "picked up"}),
            Map.entry("IN_TRANSIT", new String[]{"đang vận chuyển", "in transit"}),
            Map.entry("OUT_FOR_DELIVERY", new String[]{"đang giao", "out for delivery"}),
            Map.entry("DELIVERY_FAILED", new String[]{"giao không thành công", "delivery failed"}),
            Map.entry("AVAILABLE_FOR_PICKUP", new String[]{"chờ nhận tại bưu cục", "available for pickup at the post office"}),
            Map.entry("DELIVERED", new String[]{"đã giao", "delivered"}),
            Map.entry("RETURNING", new String[]{"đang chuyển hoàn", "being returned"}),
            Map.entry("RETURNED", new String[]{"đã chuyển hoàn", "returned to sender"}),
            Map.entry("LOST", new String[]{"thất lạc", "lost"}),
            Map.entry("CANCELLED", new String[]{"đã hủy", "cancelled"}));

    private DeliveryStatusNames() {
    }

    static String of(String status, String language) {
        String[] names = NAMES.get(status);
        if (names == null) {
            return status == null ? "—" : status;
        }
        return "en".equals(language) ? names[1] : names[0];
    }
}
