package vn.motcua.web;

import org.junit.jupiter.api.Test;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.request.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void defaults_and_limits() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE));
        assertThat(PageRequest.of(3, 100).offset()).isEqualTo(300);
        assertThatThrownBy(() -> PageRequest.of(0, 101)).isInstanceOf(CommonProblems.InvalidInput.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOf(CommonProblems.InvalidInput.class)
                .hasMessageContaining("page");
    }

    @Test
    void an_offset_past_an_int_is_refused_as_the_clients_mistake_not_overflowed() {
        // 21474837 * 100 = 2147483700 > Integer.MAX_VALUE: as an int product it wrapped to a negative offset (a 500)
        assertThatThrownBy(() -> PageRequest.of(21474837, 100)).isInstanceOf(CommonProblems.InvalidInput.class)
                .hasMessageContaining("page");
        assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 100)).isInstanceOf(CommonProblems.InvalidInput.class);
        assertThatThrownBy(() -> PageRequest.of(PageRequest.MAX_OFFSET / 100 + 1, 100))
                .isInstanceOf(CommonProblems.InvalidInput.class);
        assertThat(PageRequest.of(PageRequest.MAX_OFFSET / 100, 100).offset()).isEqualTo(PageRequest.MAX_OFFSET);
    }
}
