package vn.motcua.bench.tools;

import vn.motcua.testing.DevTokens;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Pre-mints many DEVELOPMENT citizen tokens (one distinct citizen each), one per line, so that a load generator can
 * send every request as another citizen: per-citizen booking limits then do not decide the outcome, the seats do.
 * One JVM signs thousands of tokens in about a second, where {@code ./motcua token} costs a JVM start per token.
 * Usage: {@code BulkTokens <count> <subject-prefix> <output-file>}; subjects are {@code <prefix>-<n>}.
 */
public final class BulkTokens {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"};
    private static final String[] GIVEN = {"Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Huy",
            "Ngọc Lan", "Hữu Phước", "Thanh Tâm", "Hải Yến"};

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BulkTokens <count> <subject-prefix> <output-file>");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        String prefix = args[1];
        Path out = Path.of(args[2]);
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                String name = FAMILY[i % FAMILY.length] + " " + GIVEN[(i / FAMILY.length) % GIVEN.length];
                writer.write(DevTokens.subject(prefix + "-" + i, "citizen").claim("name", name)
                        .expiresIn(Duration.ofHours(2)).sign());
                writer.newLine();
            }
        }
        System.err.println("bench: minted " + count + " citizen tokens (" + prefix + "-0 …) into " + out);
    }
}
