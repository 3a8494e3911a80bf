package io.kmcp.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failed request and its problem")
class RequestFailedExceptionTest {

    private static final Problem FORBIDDEN =
            new Problem(Reason.FORBIDDEN, "RBAC denies list on pods in team; ask for a RoleBinding.");

    @Test
    @DisplayName("carries the problem, and its message is the problem's message")
    void carriesProblem() {
        RequestFailedException failure = new RequestFailedException(FORBIDDEN);

        assertThat(failure.problem()).isSameAs(FORBIDDEN);
        assertThat(failure).hasMessage(FORBIDDEN.message()).hasNoCause();
    }

    @Test
    @DisplayName("built from a reason and a message, holds the same problem")
    void fromReasonAndMessage() {
        RequestFailedException failure = new RequestFailedException(Reason.FORBIDDEN, FORBIDDEN.message());

        assertThat(failure.problem()).isEqualTo(FORBIDDEN);
        assertThat(failure).hasMessage(FORBIDDEN.message());
    }

    @Test
    @DisplayName("keeps the cause an adapter caught, for logs, while the caller sees the problem's message")
    void keepsCause() {
        IllegalStateException cause = new IllegalStateException("HTTP 403 from https://10.0.0.1:6443");

        RequestFailedException failure = new RequestFailedException(FORBIDDEN, cause);

        assertThat(failure.problem()).isSameAs(FORBIDDEN);
        assertThat(failure).hasMessage(FORBIDDEN.message()).hasCause(cause);
    }

    @Test
    @DisplayName("a problem needs a reason and a message; a failure needs a problem")
    void everythingRequired() {
        assertThatThrownBy(() -> new Problem(null, "message")).hasMessage("reason");
        assertThatThrownBy(() -> new Problem(Reason.CONFLICT, null)).hasMessage("message");
        assertThatThrownBy(() -> new RequestFailedException(null)).hasMessage("problem");
        assertThatThrownBy(() -> new RequestFailedException(null, new RuntimeException()))
                .hasMessage("problem");
    }
}
