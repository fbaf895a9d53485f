package vn.motcua.messaging.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.messaging.outbox.Outbox;

import java.util.Map;

/** A stand-in for a service: a state change and its event in one transaction. */
@ApplicationScoped
public class NoteService {

    public static final String TOPIC = "test.notes";
    public static final String NOTED = "vn.motcua.test.noted.v1";

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;

    @Transactional
    public CloudEvent write(String key, String text) {
        entityManager.createNativeQuery("insert into note (text) values (?1)").setParameter(1, text).executeUpdate();
        return outbox.publish(TOPIC, key, NOTED, Map.of("text", text));
    }

    @Transactional
    public void writeThenFail(String text) {
        write("k", text);
        throw new IllegalStateException("business rule broken after the event was recorded");
    }
}
