package vn.motcua.messaging.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.messaging.inbox.Handlers;
import vn.motcua.messaging.inbox.PoisonEventException;
import vn.motcua.web.problem.CommonProblems;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays dead letters through the handler that refused them, exactly as the consumer would deliver them: the
 * processed-event ledger makes a replay of an event that was handled meanwhile (or replayed twice) a no-op.
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** How many dead letters one replay-all call works through. */
    static final int REPLAY_ALL_BATCH = 500;

    @Inject
    DeadLetters deadLetters;
    @Inject
    Handlers handlers;

    /** The outcome of replaying all pending dead letters. */
    public record Summary(int replayed, List<Failure> failed) {
    }

    public record Failure(long id, String code, String reason) {
    }

    public DeadLetter replay(long id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new CommonProblems.NotFound("Dead letter", Long.toString(id)));
        if (letter.handler().equals(DeadLetter.ENVELOPE)) {
            throw new DeadLetterProblems.NotReplayable(id, "the record is not a readable CloudEvent");
        }
        EventHandler handler = handlers.named(letter.handler())
                .orElseThrow(() -> new DeadLetterProblems.NotReplayable(id, "handler " + letter.handler() + " no longer exists"));
        CloudEvent event;
        try {
            event = CloudEventCodec.read(letter.payload());
        } catch (CloudEventCodec.MalformedEventException e) {
            throw new DeadLetterProblems.NotReplayable(id, e.getMessage());
        }
        try {
            handlers.handleOnce(handler, event, () -> deadLetters.markReplayed(id));
        } catch (PoisonEventException | CloudEventCodec.MalformedEventException e) {
            deadLetters.replayFailed(id, String.valueOf(e.getMessage()));
            throw new DeadLetterProblems.StillRefused(id, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            throw new DeadLetterProblems.HandlerUnavailable(id, String.valueOf(e.getMessage()));
        }
        return deadLetters.find(id).orElseThrow();
    }

    public Summary replayAll() {
        int replayed = 0;
        List<Failure> failed = new ArrayList<>();
        for (DeadLetter letter : deadLetters.list(DeadLetters.Filter.PENDING, REPLAY_ALL_BATCH)) {
            try {
                replay(letter.id());
                replayed++;
            } catch (DeadLetterProblems.ReplayProblem e) {
                failed.add(new Failure(letter.id(), e.code(), e.getMessage()));
            }
        }
        return new Summary(replayed, failed);
    }
}
