package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.InvalidInputException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ToolDeclaration} the same way in every protocol lane: finds the caller (no caller, no
 * use case), reads the arguments, and turns every failure into an error answer. Unexpected exceptions
 * are logged with a random reference the client sees, so an operator can find the stack trace without
 * the client seeing it. One audit line per call records who did what and how it ended, never the
 * arguments.
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

    public ToolRunner(ToolDeclaration tool) {
        this.tool = Objects.requireNonNull(tool, "tool");
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
        String outcome = "error";
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
            outcome = failed.problem().reason().name();
            return ToolAnswer.failure(failed.problem());
        } catch (RuntimeException unexpected) {
            String reference = HexFormat.of().formatHex(nextBytes());
            outcome = "internal-error reference=" + reference;
            log.error("tool={} failed unexpectedly; reference {}", name, reference, unexpected);
            return ToolAnswer.failure("internal error; the server log has details (reference " + reference + ")");
        } finally {
            log.info(
                    "tool={} cluster={} subject={} outcome={} millis={}",
                    name,
                    caller.get().cluster(),
                    caller.get().subject(),
                    outcome,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static byte[] nextBytes() {
        byte[] bytes = new byte[6];
        REFERENCES.nextBytes(bytes);
        return bytes;
    }
}
