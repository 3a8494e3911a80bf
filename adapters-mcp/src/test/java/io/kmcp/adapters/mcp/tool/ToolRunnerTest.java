package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ToolRunnerTest {

    private static final Caller CALLER =
            new Caller("c", "system:serviceaccount:a:b", new BearerToken("t", TestClock.NOW.plusSeconds(60)));

    private final FakeKubernetes kubernetes = new FakeKubernetes();
    private final ToolRunner runner = new ToolRunner(new ResourceListTool(kubernetes, TestClock.CLOCK).declaration());

    @Test
    @DisplayName("Without an authenticated caller the tool refuses and no use case runs")
    void noCallerNoUseCase() {
        kubernetes.onList((caller, query) ->
                new ResourceList(Types.PODS, Optional.empty(), List.of(), Optional.empty(), Optional.empty()));

        ToolAnswer result = runner.run(Optional.empty(), request(), Conversations.CANNOT_ASK);

        assertThat(result.error()).isTrue();
        assertThat(text(result)).isEqualTo(ToolRunner.UNAUTHENTICATED);
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName("A domain rule broken by an argument is an isError result with the domain's message")
    void domainRefusalIsAnErrorResult() {
        kubernetes.onList((caller, query) -> {
            throw new InvalidInputException("The limit 0 is out of range.");
        });

        ToolAnswer result = runner.run(Optional.of(CALLER), request(), Conversations.CANNOT_ASK);

        assertThat(result.error()).isTrue();
        assertThat(text(result)).isEqualTo("The limit 0 is out of range.");
    }

    @Test
    @DisplayName("Every call leaves one audit line: tool, cluster, subject, outcome; never the token or the arguments")
    void auditLine() {
        kubernetes.onList((caller, query) ->
                new ResourceList(Types.PODS, Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
        Logger logger = (Logger) LoggerFactory.getLogger(ToolRunner.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Caller caller = new Caller(
                "prod",
                "system:serviceaccount:a:b",
                new BearerToken("secret-token-value", TestClock.NOW.plusSeconds(60)));
        try {
            runner.run(
                    Optional.of(caller),
                    Map.of("resource", "pods", "labelSelector", "app=secret-arg"),
                    Conversations.CANNOT_ASK);
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(lines.list)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("tool=resource_list", "cluster=prod", "subject=system:serviceaccount:a:b", "outcome=ok")
                .doesNotContain("secret-token-value", "secret-arg");
    }

    @Test
    @DisplayName("The audit line's facts are also key-value pairs, for structured logs; never the token")
    void auditLineFields() {
        kubernetes.onList((caller, query) -> {
            throw new RequestFailedException(Problem.Reason.FORBIDDEN, "pods is forbidden");
        });
        List<ILoggingEvent> lines = logged(() -> runner.run(Optional.of(CALLER), request(), Conversations.CANNOT_ASK));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.getKeyValuePairs())
                    .extracting(pair -> pair.key + "=" + pair.value)
                    .containsExactly(
                            "tool=resource_list",
                            "cluster=c",
                            "subject=system:serviceaccount:a:b",
                            "outcome=forbidden",
                            "millis=" + line.getKeyValuePairs().get(4).value);
            assertThat(line.getKeyValuePairs().get(4).value).isInstanceOf(Long.class);
            assertThat(line.getFormattedMessage()).contains("outcome=forbidden");
        });
    }

    @Test
    @DisplayName("The observer is told each call's tool, cluster and outcome; an unexpected failure is one outcome,"
            + " its reference only in the log")
    void observerSeesBoundedOutcomes() {
        List<String> observed = new ArrayList<>();
        ToolRunner observedRunner = new ToolRunner(
                new ResourceListTool(kubernetes, TestClock.CLOCK).declaration(),
                (tool, cluster) -> outcome -> observed.add(tool + " " + cluster + " " + outcome));
        kubernetes.onList((caller, query) ->
                new ResourceList(Types.PODS, Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
        observedRunner.run(Optional.of(CALLER), request(), Conversations.CANNOT_ASK);
        kubernetes.onList((caller, query) -> {
            throw new IllegalStateException("a defect");
        });

        List<ILoggingEvent> lines =
                logged(() -> observedRunner.run(Optional.of(CALLER), request(), Conversations.CANNOT_ASK));
        observedRunner.run(Optional.empty(), request(), Conversations.CANNOT_ASK);

        assertThat(observed).containsExactly("resource_list c ok", "resource_list c internal-error");
        assertThat(lines)
                .filteredOn(line -> line.getFormattedMessage().startsWith("tool=resource_list cluster="))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.getFormattedMessage())
                            .containsPattern("outcome=internal-error reference=[0-9a-f]{12}");
                    assertThat(line.getKeyValuePairs())
                            .extracting(pair -> pair.key)
                            .contains("outcome", "reference");
                });
    }

    private static List<ILoggingEvent> logged(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(ToolRunner.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            action.run();
        } finally {
            logger.detachAppender(lines);
        }
        return lines.list;
    }

    private static Map<String, Object> request() {
        return Map.of("resource", "pods");
    }

    private static String text(ToolAnswer result) {
        return result.text();
    }
}
