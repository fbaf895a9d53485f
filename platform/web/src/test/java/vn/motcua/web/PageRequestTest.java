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
}
