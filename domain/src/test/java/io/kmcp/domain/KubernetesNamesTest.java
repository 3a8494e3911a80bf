package io.kmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Kubernetes naming rules")
class KubernetesNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "default", "team-a", "0", "a1-b2"})
    @DisplayName("a DNS-1123 label is lower case, digits and inner dashes")
    void acceptsLabels(String label) {
        assertThat(KubernetesNames.isDns1123Label(label)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "A", "a.b", "a_b", "a b"})
    @DisplayName("a DNS-1123 label has no upper case, dots, underscores or outer dashes")
    void rejectsNonLabels(String text) {
        assertThat(KubernetesNames.isDns1123Label(text)).isFalse();
    }

    @Test
    @DisplayName("a DNS-1123 label has at most 63 characters")
    void boundsLabels() {
        assertThat(KubernetesNames.isDns1123Label("a".repeat(63))).isTrue();
        assertThat(KubernetesNames.isDns1123Label("a".repeat(64))).isFalse();
        assertThat(KubernetesNames.isDns1123Label(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "web-0", "networking.k8s.io", "a.b.c", "1.2"})
    @DisplayName("a DNS-1123 subdomain is labels joined by dots")
    void acceptsSubdomains(String name) {
        assertThat(KubernetesNames.isDns1123Subdomain(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".a", "a.", "a..b", "Web", "a/b", "a_b"})
    @DisplayName("a DNS-1123 subdomain has no empty part, upper case, slash or underscore")
    void rejectsNonSubdomains(String text) {
        assertThat(KubernetesNames.isDns1123Subdomain(text)).isFalse();
    }

    @Test
    @DisplayName("a DNS-1123 subdomain has at most 253 characters, however long its parts, as in Kubernetes")
    void boundsSubdomains() {
        assertThat(KubernetesNames.isDns1123Subdomain("a".repeat(253))).isTrue();
        assertThat(KubernetesNames.isDns1123Subdomain("a".repeat(254))).isFalse();
        assertThat(KubernetesNames.isDns1123Subdomain(null)).isFalse();
    }
}
