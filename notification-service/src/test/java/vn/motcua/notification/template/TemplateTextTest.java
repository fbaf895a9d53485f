package vn.motcua.notification.template;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTextTest {

    @Test
    void renders_fields_with_vietnamese_text_around_them() {
        TemplateText text = TemplateText.parse("Hồ sơ {{dossierCode}} của {{ name }} — hẹn {{dueDate}}.");
        assertThat(text.fields()).containsExactly("dossierCode", "name", "dueDate");
        assertThat(text.render(Map.of("dossierCode", "H29-1", "name", "Nguyễn Văn An", "dueDate", "17:00 24/11/2026")))
                .isEqualTo("Hồ sơ H29-1 của Nguyễn Văn An — hẹn 17:00 24/11/2026.");
        assertThat(TemplateText.parse("không có trường").render(Map.of())).isEqualTo("không có trường");
    }

    @Test
    void a_field_without_value_is_refused_never_left_blank() {
        TemplateText text = TemplateText.parse("Kính gửi {{name}}");
        assertThatThrownBy(() -> text.render(Map.of())).isInstanceOf(TemplateText.MissingValue.class).hasMessageContaining("name");
        assertThatThrownBy(() -> text.render(Map.of("name", " "))).isInstanceOf(TemplateText.MissingValue.class);
    }

    @Test
    void malformed_placeholders_are_refused() {
        assertThatThrownBy(() -> TemplateText.parse("Hồ sơ {{dossierCode")).isInstanceOf(TemplateText.Malformed.class);
        assertThatThrownBy(() -> TemplateText.parse("{{}}")).isInstanceOf(TemplateText.Malformed.class);
        assertThatThrownBy(() -> TemplateText.parse("{{ho so}}")).isInstanceOf(TemplateText.Malformed.class);
        assertThatThrownBy(() -> TemplateText.parse("{{1abc}}")).isInstanceOf(TemplateText.Malformed.class);
    }
}
