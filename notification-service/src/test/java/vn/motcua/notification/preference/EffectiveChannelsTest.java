package vn.motcua.notification.preference;

import org.junit.jupiter.api.Test;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.rules.Category;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.notification.message.Channel.EMAIL;
import static vn.motcua.notification.message.Channel.IN_APP;
import static vn.motcua.notification.message.Channel.SMS;

class EffectiveChannelsTest {

    private static final EnumSet<Channel> ALL = EnumSet.of(IN_APP, EMAIL, SMS);

    @Test
    void switched_off_channels_are_dropped() {
        var noSms = new PreferenceService.Choice(Category.DOSSIER, true, false, true);
        assertThat(PreferenceService.effectiveChannels(ALL, noSms, false)).containsExactlyInAnyOrder(IN_APP, EMAIL);
        var nothing = new PreferenceService.Choice(Category.DOSSIER, false, false, false);
        assertThat(PreferenceService.effectiveChannels(ALL, nothing, false)).isEmpty();
    }

    @Test
    void a_mandatory_notice_always_reaches_the_inbox_even_when_its_rule_has_no_inbox() {
        var nothing = new PreferenceService.Choice(Category.PAYMENT, false, false, false);
        assertThat(PreferenceService.effectiveChannels(ALL, nothing, true)).containsExactly(IN_APP);
        assertThat(PreferenceService.effectiveChannels(EnumSet.of(EMAIL), nothing, true)).containsExactly(IN_APP);
        var emailOnly = new PreferenceService.Choice(Category.PAYMENT, true, false, false);
        assertThat(PreferenceService.effectiveChannels(ALL, emailOnly, true)).containsExactlyInAnyOrder(IN_APP, EMAIL);
    }

    @Test
    void preferences_never_add_a_channel_the_rule_does_not_use() {
        var all = new PreferenceService.Choice(Category.DOSSIER, true, true, true);
        assertThat(PreferenceService.effectiveChannels(EnumSet.of(IN_APP), all, false)).containsExactly(IN_APP);
    }
}
