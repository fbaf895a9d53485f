package vn.motcua.notification.rules;

import vn.motcua.notification.message.Channel;

import java.util.Map;
import java.util.Set;

/**
 * What the rules decided for one event and one recipient: which template, on which channels, with which
 * personalisation values (already formatted in the recipient's language).
 */
public record Notice(String templateCode, Category category, boolean mandatory, Set<Channel> channels,
                     Recipient recipient, String dossierId, Map<String, String> fields) {
}
