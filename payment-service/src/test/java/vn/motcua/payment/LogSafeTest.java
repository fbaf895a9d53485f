package vn.motcua.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void control_characters_of_client_input_cannot_forge_log_lines() {
        assertThat(LogSafe.text("P123\r\n12:00:00 INFO payment SUCCEEDED\u001b[2J"))
                .isEqualTo("P123\\u000d\\u000a12:00:00 INFO payment SUCCEEDED\\u001b[2J")
                .doesNotContain("\n", "\r", "\u001b");
        assertThat(LogSafe.text("Nguyễn Văn An")).isEqualTo("Nguyễn Văn An");
        assertThat(LogSafe.text("x".repeat(500))).hasSize(201);
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }
}
