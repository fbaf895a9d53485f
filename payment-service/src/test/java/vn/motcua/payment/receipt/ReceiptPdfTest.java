package vn.motcua.payment.receipt;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.common.FeeLine;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptPdfTest {

    private static final String LONG_PROCEDURE = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài "
            + "đang cư trú tại Việt Nam (trường hợp đề nghị cấp Phiếu lý lịch tư pháp số 2 gửi qua bưu chính)";

    private static ReceiptView receipt(String payerName) {
        OffsetDateTime paid = OffsetDateTime.parse("2026-11-28T09:15:30+07:00");
        return new ReceiptView("MC26E-0000042", "MC26E", 42, "Sở Tư pháp thành phố Hà Nội", paid.plusSeconds(2),
                "pay-7f3a", payerName, "000.21.27.H29", "Sở Tư pháp thành phố Hà Nội", "2.000908", LONG_PROCEDURE,
                "000.21.27.H29-261128-0001",
                List.of(new FeeLine("LE_PHI", "Phí cung cấp thông tin lý lịch tư pháp", 200_000),
                        new FeeLine("BUU_CHINH", "Cước bưu chính trả kết quả", 30_000)),
                230_000, "VND", "GATEWAY", "14820317", paid);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void the_receipt_reads_in_vietnamese_with_every_diacritic() throws IOException {
        byte[] pdf = ReceiptPdf.render(receipt("Nguyễn Thị Thuỳ Dương"));
        String text = text(pdf);
        assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ", "Người nộp: Nguyễn Thị Thuỳ Dương",
                "Cơ quan: Sở Tư pháp thành phố Hà Nội (000.21.27.H29)", "Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng",
                "Tổng cộng: 230.000 đồng", "Mã hồ sơ: 000.21.27.H29-261128-0001",
                "Thời điểm thanh toán: 28/11/2026 09:15:30 +07:00");
        // the long procedure name is wrapped onto a second line rather than running off the page
        assertThat(text).contains("Thủ tục: Cấp Phiếu lý lịch tư pháp").contains("bưu chính) (2.000908)");
        assertThat(text.lines().filter(l -> l.contains("Thủ tục:")).findFirst().orElseThrow()).doesNotContain("2.000908");
    }

    @Test
    void only_the_glyphs_used_are_embedded() throws IOException {
        byte[] pdf = ReceiptPdf.render(receipt("Trần Văn Bình"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Biên lai MC26E-0000042");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            // a subset's name carries a six-letter tag: "ABCDEF+LiberationSans"
            assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSans");
        }
        // the whole font is 400 kB; a subset of the receipt's characters is a small part of it
        assertThat(pdf.length).isLessThan(100_000);
    }

    @Test
    void a_character_the_font_cannot_draw_prints_as_a_question_mark_instead_of_failing() throws IOException {
        String text = text(ReceiptPdf.render(receipt("Lý Tiểu Long 李小龍")));
        assertThat(text).contains("Người nộp: Lý Tiểu Long ???");
    }

    @Test
    void decomposed_input_is_composed_before_printing() throws IOException {
        String decomposed = java.text.Normalizer.normalize("Phạm Đức Hưởng", java.text.Normalizer.Form.NFD);
        assertThat(text(ReceiptPdf.render(receipt(decomposed)))).contains("Người nộp: Phạm Đức Hưởng");
    }

    @Test
    void amounts_are_grouped_with_dots() {
        assertThat(ReceiptPdf.vnd(0)).isEqualTo("0");
        assertThat(ReceiptPdf.vnd(224_000)).isEqualTo("224.000");
        assertThat(ReceiptPdf.vnd(1_234_567_890)).isEqualTo("1.234.567.890");
    }
}
