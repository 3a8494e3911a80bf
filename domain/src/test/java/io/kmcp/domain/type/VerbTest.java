package io.kmcp.domain.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Verbs")
class VerbTest {

    @Test
    @DisplayName("no verb can express a deletion")
    void thereIsNoDelete() {
        assertThat(Arrays.stream(Verb.values()).map(Verb::discoveryName))
                .containsExactly("get", "list", "watch", "create", "update", "patch")
                .noneMatch(name -> name.contains("delete"));
    }

    @Test
    @DisplayName("every verb reads back from its discovery name")
    void readsDiscoveryNames() {
        for (Verb verb : Verb.values()) {
            assertThat(Verb.fromDiscovery(verb.discoveryName())).contains(verb);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delete", "deletecollection", "proxy", "escalate", "bind", "impersonate", "LIST", ""})
    @DisplayName("discovery verbs this server never uses vanish")
    void dropsOtherDiscoveryVerbs(String discoveryName) {
        assertThat(Verb.fromDiscovery(discoveryName)).isEmpty();
    }

    @Test
    @DisplayName("a missing discovery verb is no verb")
    void dropsNull() {
        assertThat(Verb.fromDiscovery(null)).isEmpty();
    }
}
