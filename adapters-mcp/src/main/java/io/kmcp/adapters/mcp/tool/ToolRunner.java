package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.InvalidInputException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Runs a {@link ToolDeclaration} the same way in every protocol lane: finds the caller (no caller, no
 * use case), reads the arguments, and turns every failure into an error answer. Unexpected exceptions
 * are logged with a random reference the client sees, so an operator can find the stack trace without
 * the client seeing it. One audit line per call records who did what and how it ended, never the
 * arguments; the {@link ToolCallObserver} is told the same, less the subject.
 *
 * <p>A {@link QuestionPending} thrown by a {@link Conversation} is not a failure: it ends a
 * sessionless call with a question, and passes through to the lane, as does an {@link AnswerRefused},
 * which the lane answers with a protocol error.
 */
public final class ToolRunner {

    private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);
    private static final SecureRandom REFERENCES = new SecureRandom();

    static final String UNAUTHENTICATED =
            "This request carries no authenticated caller; send the service-account token as a bearer token.";

    private final ToolDeclaration tool;
    private final ToolCallObserver observer;

    public ToolRunner(ToolDeclaration tool) {
        this(tool, ToolCallObserver.NONE);
    }

    /** @param observer told of every call with a caller: its tool, cluster, outcome */
    public ToolRunner(ToolDeclaration tool, ToolCallObserver observer) {
        this.tool = Objects.requireNonNull(tool, "tool");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    public ToolDeclaration tool() {
        return tool;
    }

    public ToolAnswer run(Optional<Caller> caller, Map<String, Object> arguments, Conversation conversation) {
        String name = tool.name();
        if (caller.isEmpty()) {
            log.warn("tool={} outcome=refused reason=no-caller", name);
            return ToolAnswer.failure(UNAUTHENTICATED);
        }
        long started = System.nanoTime();
        ToolCallObserver.Call call = observer.started(name, caller.get().cluster());
        String outcome = "error";
        Optional<String> reference = Optional.empty();
        try {
            Arguments read = Arguments.of(name, arguments, tool.argumentNames());
            ToolAnswer answer = tool.handler().call(caller.get(), read, conversation);
            outcome = answer.error() ? "error" : "ok";
            return answer;
        } catch (QuestionPending pending) {
            outcome = "input-required";
            throw pending;
        } catch (AnswerRefused refused) {
            outcome = "answer-refused";
            throw refused;
        } catch (InvalidArgumentException | InvalidInputException invalid) {
            outcome = "invalid-argument";
            return ToolAnswer.failure(invalid.getMessage());
        } catch (RequestFailedException failed) {
            outcome = failed.problem().reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
            return ToolAnswer.failure(failed.problem());
        } catch (RuntimeException unexpected) {
            // The reference finds the stack trace in the log; it is not an outcome, whose values stay few.
            reference = Optional.of(HexFormat.of().formatHex(nextBytes()));
            outcome = "internal-error";
            log.error("tool={} failed unexpectedly; reference {}", name, reference.get(), unexpected);
            return ToolAnswer.failure("internal error; the server log has details (reference " + reference.get() + ")");
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            call.ended(outcome);
            audit(caller.get(), outcome, reference, millis);
        }
    }

    /**
     * The audit line: readable text, and the same facts as key-value pairs, which structured (JSON)
     * logs write as fields of their own. Never the token or the arguments.
     */
    private void audit(Caller caller, String outcome, Optional<String> reference, long millis) {
        String described = reference.map(ref -> outcome + " reference=" + ref).orElse(outcome);
        LoggingEventBuilder line = log.atInfo()
                .addKeyValue("tool", tool.name())
                .addKeyValue("cluster", caller.cluster())
                .addKeyValue("subject", caller.subject())
                .addKeyValue("outcome", outcome)
                .addKeyValue("millis", millis);
        if (reference.isPresent()) {
            line = line.addKeyValue("reference", reference.get());
        }
        line.log(
                "tool={} cluster={} subject={} outcome={} millis={}",
                tool.name(),
                caller.cluster(),
                caller.subject(),
                described,
                millis);
    }

    private static byte[] nextBytes() {
        byte[] bytes = new byte[6];
        REFERENCES.nextBytes(bytes);
        return bytes;
    }
}
