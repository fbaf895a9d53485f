package vn.motcua.delivery.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.contracts.delivery.PostalOperatorMessages.Party;

/** Bodies of officers' requests. Each carries the order's {@code version} as read (409 when it changed since). */
public final class OrderRequests {

    private OrderRequests() {
    }

    @Schema(name = "DeliveryCancellation")
    public record Cancellation(@NotNull @PositiveOrZero @Schema(example = "2") Long version,
                               @NotBlank @Size(max = 1000) @Schema(example = "Công dân đề nghị nhận trực tiếp tại bộ phận một cửa") String reason) {
    }

    @Schema(name = "DeliveryAddressChange")
    public record AddressChange(@NotNull @PositiveOrZero @Schema(example = "2") Long version,
                                @NotNull @Valid Address address,
                                @NotBlank @Size(max = 1000) @Schema(example = "Công dân chuyển nơi nhận theo đề nghị ngày 23/11") String reason) {
    }

    @Schema(name = "DeliveryRedeliveryRequest")
    public record Redelivery(@NotNull @PositiveOrZero @Schema(example = "5") Long version,
                             @Size(max = 1000) @Schema(example = "Công dân hẹn nhận sau 17h") String note) {
    }

    @Schema(name = "DeliveryAddress")
    public record Address(@NotBlank @Size(max = 200) @Schema(example = "Nguyễn Văn An") String name,
                          @NotBlank @Pattern(regexp = Addresses.PHONE) @Schema(example = "0912345678") String phone,
                          @NotBlank @Size(max = 300) @Schema(example = "Số 12 phố Đội Cấn") String street,
                          @NotBlank @Pattern(regexp = Addresses.COMMUNE_CODE) @Schema(example = "00004") String communeCode,
                          @Size(max = 100) @Schema(example = "Phường Ba Đình") String communeName,
                          @NotBlank @Pattern(regexp = Addresses.PROVINCE_CODE) @Schema(example = "01") String provinceCode,
                          @Size(max = 100) @Schema(example = "Thành phố Hà Nội") String provinceName) {
        Party toParty() {
            return new Party(name, phone, street, communeCode, communeName, provinceCode, provinceName);
        }
    }
}
