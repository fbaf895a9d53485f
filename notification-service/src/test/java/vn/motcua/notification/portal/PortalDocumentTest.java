package vn.motcua.notification.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class PortalDocumentTest {

    @Test
    void maps_a_dossier_to_the_portal_fields_and_date_format() throws Exception {
        var dossier = new DossierEvents.DossierRef("d-1", "000.21.27.H29-261123-0007", "2.000908",
                "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "000.21.27.H29", "Sở Tư pháp thành phố Hà Nội",
                new Applicant("cd-001", "Nguyễn Văn An", null, null, "vi"), "POSTAL", "POST", "PROCESSING", 4,
                OffsetDateTime.parse("2026-12-07T10:00:00Z"), "G22.99-261123-000123");
        PortalDocument doc = PortalDocument.of(dossier, "Thẩm định", null, OffsetDateTime.parse("2026-11-23T02:30:05Z"), "MOTCUA");
        JsonNode json = CloudEventCodec.mapper().readTree(CloudEventCodec.mapper().writeValueAsString(doc));
        assertThat(json.path("MaHoSo").asText()).isEqualTo("000.21.27.H29-261123-0007");
        assertThat(json.path("MaHoSoQG").asText()).isEqualTo("G22.99-261123-000123");
        assertThat(json.path("TrangThaiHoSo").asInt()).isEqualTo(4);
        assertThat(json.path("KenhThucHien").asInt()).isEqualTo(3);
        assertThat(json.path("NgayHenTra").asText()).isEqualTo("07/12/2026 17:00:00"); // Vietnam time
        assertThat(json.path("NgayCapNhat").asText()).isEqualTo("23/11/2026 09:30:05");
        assertThat(json.path("BuocXuLy").asText()).isEqualTo("Thẩm định");
        assertThat(json.has("GhiChu")).isFalse();
        assertThat(PortalDocument.channelNumber("COUNTER")).isEqualTo(1);
        assertThat(PortalDocument.channelNumber("ONLINE")).isEqualTo(2);
    }

    @Test
    void the_portal_error_code_decides_not_the_http_status() {
        HttpNationalPortal portal = new HttpNationalPortal();
        portal.json = new ObjectMapper();
        assertThat(portal.interpret(200, "{\"error_code\":\"0\",\"message\":\"Thành công\"}").outcome())
                .isEqualTo(NationalPortal.Outcome.OK);
        assertThat(portal.interpret(200, "{\"error_code\":\"DOSSIER_EXISTS\"}").outcome())
                .isEqualTo(NationalPortal.Outcome.ALREADY_EXISTS);
        assertThat(portal.interpret(200, "{\"error_code\":\"DOSSIER_NOT_FOUND\"}").outcome())
                .isEqualTo(NationalPortal.Outcome.NOT_FOUND);
        var refused = portal.interpret(200, "{\"error_code\":\"AGENCY_NOT_REGISTERED\",\"message\":\"x\"}");
        assertThat(refused.outcome()).isEqualTo(NationalPortal.Outcome.FAILED);
        assertThat(refused.errorCode()).isEqualTo("AGENCY_NOT_REGISTERED");
        assertThat(portal.interpret(200, "{}").errorCode()).isEqualTo("NO_ERROR_CODE");
        assertThat(portal.interpret(200, "<html>").outcome()).isEqualTo(NationalPortal.Outcome.FAILED);
        assertThat(portal.interpret(502, "").errorCode()).isEqualTo("HTTP_502");
        assertThat(portal.interpret(500, "{\"error_code\":\"0\"}").outcome()).isEqualTo(NationalPortal.Outcome.FAILED);
    }
}
