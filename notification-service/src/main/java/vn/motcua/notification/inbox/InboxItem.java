package vn.motcua.notification.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.notification.message.Times;

import java.time.OffsetDateTime;

/** One in-app notification as its recipient sees it. */
@Schema(name = "InboxItem")
public record InboxItem(
        @Schema(example = "3f1c2a9e-8d4b-4c1e-9a51-2f0b6c7d8e90") String id,
        @Schema(example = "Đã tạo hồ sơ nháp: Đăng ký khai sinh") String title,
        @Schema(example = "Kính gửi Nguyễn Văn An, Hồ sơ nháp thủ tục «Đăng ký khai sinh» ...") String body,
        @Schema(example = "6a7b9c1d-0e2f-4a3b-8c4d-5e6f7a8b9c0d") String dossierId,
        @Schema(example = "vn.motcua.dossier.draft-created.v1") String eventType,
        @Schema(example = "DOSSIER") String category,
        boolean mandatory,
        boolean read,
        OffsetDateTime createdAt) {

    static InboxItem of(NotificationMessage m) {
        return new InboxItem(m.id.toString(), m.title, m.body, m.dossierId, m.eventType, m.category, m.mandatory,
                m.readAt != null, Times.local(m.createdAt));
    }
}
