package vn.motcua.payment.receipt;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A one-page A4 PDF of a receipt in Vietnamese, diacritics included. The standard PDF fonts have no Vietnamese
 * glyphs, so a Unicode TrueType font (Liberation Sans, SIL Open Font License, shipped inside PDFBox) is embedded as a
 * subset: only the glyphs the receipt uses travel in the file. A character the font lacks prints as "?" rather than
 * failing the receipt.
 */
public final class ReceiptPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] FONT_BYTES = loadFont();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx");
    private static final float MARGIN = 50;
    private static final float TITLE_SIZE = 14;
    private static final float TEXT_SIZE = 11;
    private static final float LEADING = 16;

    private ReceiptPdf() {
    }

    public static byte[] render(ReceiptView r) {
        List<String> lines = new ArrayList<>();
        lines.add("Ký hiệu: " + r.symbol() + "   Số: " + String.format("%07d", r.number()) + "   (" + r.receiptNumber() + ")");
        lines.add("Đơn vị phát hành: " + r.issuer());
        lines.add("Cơ quan: " + r.agencyName() + " (" + r.agencyCode() + ")");
        lines.add("Thủ tục: " + r.procedureName() + " (" + r.procedureCode() + ")");
        lines.add("Mã hồ sơ: " + r.dossierCode());
        lines.add("Người nộp: " + r.payerName());
        lines.add("");
        r.fees().forEach(f -> lines.add("  - " + f.name() + ": " + vnd(f.amountVnd()) + " đồng"));
        lines.add("Tổng cộng: " + vnd(r.amountVnd()) + " " + ("VND".equals(r.currency()) ? "đồng" : r.currency()));
        lines.add("");
        lines.add("Kênh thanh toán: " + r.provider() + "   Mã giao dịch: " + r.providerTransactionId());
        lines.add("Thời điểm thanh toán: " + TIME.format(r.paidAt()));
        lines.add("Ngày lập biên lai: " + TIME.format(r.issuedAt()));
        lines.add("Mã thanh toán: " + r.paymentId());

        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setLeading(LEADING);
                text.newLineAtOffset(MARGIN, page.getMediaBox().getHeight() - MARGIN - TITLE_SIZE);
                text.setFont(font, TITLE_SIZE);
                text.showText("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ");
                text.newLine();
                text.newLine();
                text.setFont(font, TEXT_SIZE);
                for (String line : lines) {
                    for (String part : wrap(printable(font, line), font, width)) {
                        text.showText(part);
                        text.newLine();
                    }
                }
                text.endText();
            }
            document.getDocumentInformation().setTitle("Biên lai " + r.receiptNumber());
            document.getDocumentInformation().setAuthor(r.issuer());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("receipt " + r.receiptNumber() + " could not be rendered", e);
        }
    }

    /** Thousands grouped with dots, as amounts are written in Vietnam: 230000 → "230.000". */
    static String vnd(long amount) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        format.setDecimalFormatSymbols(symbols);
        return format.format(amount);
    }

    /** Composed (NFC) text, every character the font cannot draw replaced by "?". */
    static String printable(PDType0Font font, String text) {
        String composed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> {
            String character = new String(Character.toChars(c));
            try {
                font.encode(character);
                out.append(character);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Splits a line at spaces so that each part fits the width; a single word wider than the page is cut. */
    static List<String> wrap(String line, PDType0Font font, float width) throws IOException {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split("(?<= )")) {
            if (fits(font, current + word, width)) {
                current.append(word);
                continue;
            }
            if (!current.isEmpty()) {
                parts.add(current.toString().stripTrailing());
                current.setLength(0);
            }
            String rest = word;
            while (!fits(font, rest, width)) {
                int cut = rest.length() - 1;
                while (cut > 1 && !fits(font, rest.substring(0, cut), width)) {
                    cut--;
                }
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        parts.add(current.toString().stripTrailing());
        return parts;
    }

    private static boolean fits(PDType0Font font, String text, float width) throws IOException {
        return font.getStringWidth(text) / 1000 * TEXT_SIZE <= width;
    }

    private static byte[] loadFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " is missing from the PDFBox jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
