package vn.motcua.payment.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page PDF of a receipt, written by hand (PDF 1.4, the standard Helvetica font), so that no PDF library is
 * needed. Helvetica has no Vietnamese glyphs, so the PDF text is written without diacritics; the JSON form keeps
 * the exact Vietnamese text and is the reference.
 */
public final class ReceiptPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx");

    private ReceiptPdf() {
    }

    public static byte[] render(ReceiptView r) {
        List<String> lines = new ArrayList<>();
        lines.add("BIEN LAI THU PHI, LE PHI DIEN TU");
        lines.add("Ky hieu: " + r.symbol() + "   So: " + String.format("%07d", r.number()) + "   (" + r.receiptNumber() + ")");
        lines.add("Don vi phat hanh: " + r.issuer());
        lines.add("Co quan: " + r.agencyName() + " (" + r.agencyCode() + ")");
        lines.add("Thu tuc: " + r.procedureName() + " (" + r.procedureCode() + ")");
        lines.add("Ma ho so: " + r.dossierCode());
        lines.add("Nguoi nop: " + r.payerName());
        lines.add("");
        r.fees().forEach(f -> lines.add("  - " + f.name() + ": " + String.format(java.util.Locale.ROOT, "%,d", f.amountVnd()) + " VND"));
        lines.add("Tong cong: " + String.format(java.util.Locale.ROOT, "%,d", r.amountVnd()) + " " + r.currency());
        lines.add("");
        lines.add("Kenh thanh toan: " + r.provider() + "   Ma giao dich: " + r.providerTransactionId());
        lines.add("Thoi diem thanh toan: " + TIME.format(r.paidAt()));
        lines.add("Ngay lap bien lai: " + TIME.format(r.issuedAt()));
        lines.add("Ma thanh toan: " + r.paymentId());

        StringBuilder content = new StringBuilder("BT /F1 11 Tf 50 790 Td 15 TL\n");
        for (String line : lines) {
            content.append('(').append(escape(ascii(line))).append(") Tj T*\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);

        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                "<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.ISO_8859_1) + "endstream");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    static String ascii(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D')
                .replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
