package vn.motcua.payment.reconciliation;

import vn.motcua.web.problem.CommonProblems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A provider's daily statement in CSV (UTF-8, comma-separated, one header line):
 * {@code reference,provider_transaction_id,amount_vnd,currency,paid_at,status}. Only rows with status SUCCESS are
 * money the provider says it collected; other rows are read but not reconciled.
 */
public final class StatementCsv {

    public static final String HEADER = "reference,provider_transaction_id,amount_vnd,currency,paid_at,status";
    public static final int MAX_ROWS = 20_000;
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,40}");

    public record Row(int line, String reference, String providerTransactionId, long amountVnd, String currency,
                      String paidAt, String status) {
        public boolean success() {
            return "SUCCESS".equals(status);
        }
    }

    private StatementCsv() {
    }

    /** @throws CommonProblems.InvalidInput naming the line at fault */
    public static List<Row> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new CommonProblems.InvalidInput("statement", "is empty");
        }
        String[] lines = csv.replace("\r", "").split("\n");
        String header = lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[0];
        if (!HEADER.equals(header.trim())) {
            throw new CommonProblems.InvalidInput("statement", "the first line must be '" + HEADER + "'");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new CommonProblems.InvalidInput("statement", "more than " + MAX_ROWS + " rows");
            }
            String[] cells = lines[i].split(",", -1);
            int line = i + 1;
            if (cells.length != 6) {
                throw new CommonProblems.InvalidInput("statement line " + line, "expected 6 columns, found " + cells.length);
            }
            String reference = cells[0].trim();
            String amount = cells[2].trim();
            if (reference.isEmpty()) {
                throw new CommonProblems.InvalidInput("statement line " + line, "reference is empty");
            }
            if (!AMOUNT.matcher(amount).matches()) {
                throw new CommonProblems.InvalidInput("statement line " + line, "amount_vnd '" + amount + "' is not a whole number");
            }
            long vnd;
            try {
                vnd = Long.parseLong(amount);
            } catch (NumberFormatException e) {
                throw new CommonProblems.InvalidInput("statement line " + line, "amount_vnd '" + amount + "' overflows");
            }
            if (vnd <= 0) {
                throw new CommonProblems.InvalidInput("statement line " + line, "amount_vnd must be positive");
            }
            String status = cells[5].trim().toUpperCase();
            if (status.equals("SUCCESS") && !references.add(reference)) {
                throw new CommonProblems.InvalidInput("statement line " + line, "reference " + reference + " appears twice");
            }
            rows.add(new Row(line, reference, cells[1].trim(), vnd, cells[3].trim(), cells[4].trim(), status));
        }
        return rows;
    }
}
