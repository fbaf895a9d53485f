package vn.motcua.payment.reconciliation;

import org.junit.jupiter.api.Test;
import vn.motcua.web.problem.CommonProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementCsvTest {

    static final String HEADER = StatementCsv.HEADER + "\n";

    @Test
    void reads_rows_with_bom_crlf_and_blank_lines() {
        var rows = StatementCsv.parse("\uFEFF" + HEADER.replace("\n", "\r\n") + "P1,T1,200000,VND,20261123,SUCCESS\r\n\r\nP2,T2,5,VND,x,failed\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).success()).isTrue();
        assertThat(rows.get(0).amountVnd()).isEqualTo(200_000);
        assertThat(rows.get(1).success()).isFalse();
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void refuses_bad_input_naming_the_line() {
        assertThatThrownBy(() -> StatementCsv.parse("")).isInstanceOf(CommonProblems.InvalidInput.class);
        assertThatThrownBy(() -> StatementCsv.parse("a,b\n")).hasMessageContaining("first line");
        assertThatThrownBy(() -> StatementCsv.parse(HEADER + "P1,T1,200000,VND,x\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> StatementCsv.parse(HEADER + "P1,T1,0,VND,x,SUCCESS\n")).hasMessageContaining("positive");
        assertThatThrownBy(() -> StatementCsv.parse(HEADER + "P1,T1,-1,VND,x,SUCCESS\n")).hasMessageContaining("positive");
        assertThatThrownBy(() -> StatementCsv.parse(HEADER + "P1,T1,99999999999999999999,VND,x,SUCCESS\n")).hasMessageContaining("overflows");
        assertThatThrownBy(() -> StatementCsv.parse(HEADER + ",T1,1,VND,x,SUCCESS\n")).hasMessageContaining("reference");
        assertThatThrownBy(() -> StatementCsv.parse(HEADER + "P1,T1,1,VND,x,SUCCESS\nP1,T2,1,VND,x,SUCCESS\n"))
                .hasMessageContaining("line 3").hasMessageContaining("twice");
    }
}
