package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Which subjects may use k-mcp")
class SubjectPolicyTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "alice",
                "system:admin",
                "system:serviceaccount:team",
                "system:serviceaccount::agent",
                "system:serviceaccount:team:",
                "system:serviceaccount:team:agent:extra"
            })
    @DisplayName("service accounts only: anything else is refused")
    void notAServiceAccount(String subject) {
        assertThatThrownBy(() -> SubjectPolicy.serviceAccounts().check(subject))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("not a service account");
    }

    @Test
    @DisplayName("a namespace allow-list admits only its namespaces' service accounts")
    void namespaces() {
        SubjectPolicy agentsOnly = new SubjectPolicy(true, Set.of("agents"));

        assertThatCode(() -> agentsOnly.check("system:serviceaccount:agents:k-mcp"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> agentsOnly.check("system:serviceaccount:kube-system:admin"))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("namespace kube-system");
    }

    @Test
    @DisplayName("any subject, when the operator says so")
    void anySubject() {
        assertThatCode(() -> SubjectPolicy.anySubject().check("alice")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new SubjectPolicy(false, Set.of("agents")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
