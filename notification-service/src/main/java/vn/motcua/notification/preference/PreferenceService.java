package vn.motcua.notification.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.rules.Category;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Citizens' channel choices per category, and the rule that mandatory notices always reach the inbox. */
@ApplicationScoped
@Transactional
public class PreferenceService {

    public record Choice(Category category, boolean email, boolean sms, boolean inApp) {
    }

    /** The categories a citizen can choose for (AGENCY notices go to staff and are not theirs to silence). */
    public static final List<Category> CITIZEN_CATEGORIES = List.of(Category.DOSSIER, Category.PAYMENT,
            Category.APPOINTMENT, Category.DELIVERY);

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Choice> of(String citizenId) {
        List<Choice> choices = new ArrayList<>();
        for (Category category : CITIZEN_CATEGORIES) {
            choices.add(choice(citizenId, category));
        }
        return choices;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Choice choice(String citizenId, Category category) {
        Preference p = Preference.find("citizenId = ?1 and category = ?2", citizenId, category.name()).firstResult();
        return p == null ? new Choice(category, true, true, true) : new Choice(category, p.email, p.sms, p.inApp);
    }

    public Choice set(String citizenId, Choice choice) {
        Preference p = Preference.find("citizenId = ?1 and category = ?2", citizenId, choice.category().name()).firstResult();
        if (p == null) {
            p = new Preference();
            p.citizenId = citizenId;
            p.category = choice.category().name();
        }
        p.email = choice.email();
        p.sms = choice.sms();
        p.inApp = choice.inApp();
        p.updatedAt = OffsetDateTime.now(CloudEventCodec.ZONE);
        p.persist();
        return choice;
    }

    /**
     * The channels a notice really uses: the rule's channels less those the citizen switched off, with the inbox
     * always kept for a mandatory notice. Pure, unit tested.
     */
    public static Set<Channel> effectiveChannels(Set<Channel> ruleChannels, Choice choice, boolean mandatory) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : ruleChannels) {
            boolean wanted = switch (channel) {
                case EMAIL -> choice.email();
                case SMS -> choice.sms();
                case IN_APP -> choice.inApp() || mandatory;
            };
            if (wanted) {
                channels.add(channel);
            }
        }
        if (mandatory) {
            channels.add(Channel.IN_APP);
        }
        return channels;
    }
}
