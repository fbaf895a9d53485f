package vn.motcua.dossier.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.dossier.common.Actor;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.messaging.inbox.PoisonEventException;

import java.util.Set;
import java.util.UUID;

/** appointment.events BOOKING_CHECKED_IN for a booking linked to a dossier: the in-person step happened. */
@ApplicationScoped
public class AppointmentEventsHandler implements EventHandler {

    @Inject
    WorkflowService workflow;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.APPOINTMENT);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(AppointmentEvents.BOOKING_CHECKED_IN);
    }

    @Override
    public void handle(CloudEvent event) {
        AppointmentEvents.BookingCheckedIn checkedIn = CloudEventCodec.dataAs(event, AppointmentEvents.BookingCheckedIn.class);
        if (checkedIn.booking() == null) {
            throw new PoisonEventException("check-in without a booking");
        }
        String dossierId = checkedIn.booking().dossierId();
        if (dossierId == null) {
            return; // a booking not linked to a dossier
        }
        UUID id;
        try {
            id = UUID.fromString(dossierId);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("dossier id " + dossierId + " is not a UUID", e);
        }
        workflow.checkedIn(id, checkedIn.booking().bookingId(), checkedIn.queueNumber(), checkedIn.checkedInAt(),
                Actor.system("appointment-service"));
    }
}
