package vn.motcua.messaging.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.messaging.inbox.PoisonEventException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every note event it sees in {@code note_seen}, so a database outage makes it fail like any real handler.
 * Refuses texts that start with "poison" as poison events until a test "fixes" one ({@link #CURED}), to exercise
 * the dead letters and their replay.
 */
@ApplicationScoped
public class NoteSeenHandler implements EventHandler {

    /** Texts the handler accepts after all: the fix an operator would deploy before replaying. */
    public static final Set<String> CURED = ConcurrentHashMap.newKeySet();

    @Inject
    EntityManager entityManager;

    @Override
    public Set<String> topics() {
        return Set.of(NoteService.TOPIC);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(NoteService.NOTED);
    }

    @Override
    public void handle(CloudEvent event) {
        String text = event.data().path("text").asText();
        if (text.startsWith("poison") && !CURED.contains(text)) {
            throw new PoisonEventException("cannot digest poison");
        }
        entityManager.createNativeQuery("insert into note_seen (event_id, text) values (?1, ?2)")
                .setParameter(1, event.id()).setParameter(2, text).executeUpdate();
    }
}
