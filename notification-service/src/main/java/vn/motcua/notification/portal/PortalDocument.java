package vn.motcua.notification.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import vn.motcua.contracts.dossier.DossierEvents.DossierRef;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The dossier status document the national portal takes (field names as in the portal's sync API, dates as
 * {@code dd/MM/yyyy HH:mm:ss} in Vietnam time). Plain Java so that the mapping is unit tested.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortalDocument(
        @JsonProperty("MaHoSo") String dossierCode,
        @JsonProperty("MaHoSoQG") String portalDossierCode,
        @JsonProperty("MaTTHC") String procedureCode,
        @JsonProperty("TenTTHC") String procedureName,
        @JsonProperty("MaCoQuan") String agencyCode,
        @JsonProperty("TenCoQuan") String agencyName,
        @JsonProperty("ChuHoSo") String applicantName,
        @JsonProperty("KenhThucHien") int channel,
        @JsonProperty("TrangThaiHoSo") int portalStatus,
        @JsonProperty("NgayHenTra") String dueAt,
        @JsonProperty("BuocXuLy") String step,
        @JsonProperty("GhiChu") String note,
        @JsonProperty("NgayCapNhat") String updatedAt,
        @JsonProperty("MaHeThong") String systemCode) {

    public static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    public static PortalDocument of(DossierRef dossier, String step, String note, OffsetDateTime changedAt, String systemCode) {
        return new PortalDocument(dossier.dossierCode(), dossier.portalDossierCode(), dossier.procedureCode(),
                dossier.procedureName(), dossier.agencyCode(), dossier.agencyName(),
                dossier.applicant() == null ? null : dossier.applicant().fullName(), channelNumber(dossier.channel()),
                dossier.portalStatus(), format(dossier.dueAt()), step, note, format(changedAt), systemCode);
    }

    /** The portal's channel codes: 1 at the counter, 2 online, 3 by post. */
    static int channelNumber(String channel) {
        if (channel == null) {
            return 2;
        }
        return switch (channel) {
            case "COUNTER" -> 1;
            case "POSTAL" -> 3;
            default -> 2;
        };
    }

    public static String format(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(CloudEventCodec.ZONE).format(PORTAL_TIME);
    }
}
