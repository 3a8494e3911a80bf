package io.kmcp.domain.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A type reference")
class TypeReferenceTest {

    private static Optional<String> none() {
        return Optional.empty();
    }

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("pods", "pods", none(), none()),
                Arguments.of("po", "po", none(), none()),
                Arguments.of("Pod", "Pod", none(), none()),
                Arguments.of("  pods\t", "pods", none(), none()),
                Arguments.of("deployments.apps", "deployments", none(), Optional.of("apps")),
                Arguments.of("deployments.v1.apps", "deployments", Optional.of("v1"), Optional.of("apps")),
                Arguments.of("Deployment.v1.apps", "Deployment", Optional.of("v1"), Optional.of("apps")),
                Arguments.of("pods.v1", "pods", Optional.of("v1"), Optional.of("")),
                Arguments.of("ingresses.networking.k8s.io", "ingresses", none(), Optional.of("networking.k8s.io")),
                Arguments.of("hpa.v2beta1.autoscaling", "hpa", Optional.of("v2beta1"), Optional.of("autoscaling")),
                Arguments.of("foos.stable.example.com", "foos", none(), Optional.of("stable.example.com")),
                Arguments.of("apps/v1/Deployment", "Deployment", Optional.of("v1"), Optional.of("apps")),
                Arguments.of("apps/v1 Deployment", "Deployment", Optional.of("v1"), Optional.of("apps")),
                Arguments.of("v1/Pod", "Pod", Optional.of("v1"), Optional.of("")),
                Arguments.of("v1 Pod", "Pod", Optional.of("v1"), Optional.of("")),
                Arguments.of("Deployment.V1.APPS", "Deployment", Optional.of("v1"), Optional.of("apps")),
                Arguments.of("V1/Pod", "Pod", Optional.of("v1"), Optional.of("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    @DisplayName("reads every spelling kubectl users write into a name, a version and a group")
    void parses(String text, String name, Optional<String> version, Optional<String> group) {
        assertThat(TypeReference.parse(text)).isEqualTo(new TypeReference(name, version, group));
    }

    @Test
    @DisplayName("of a manifest is its kind in the group and version of its apiVersion")
    void ofManifest() {
        assertThat(TypeReference.ofManifest("apps/v1", "Deployment"))
                .isEqualTo(TypeReference.exactly("Deployment", "v1", "apps"));
        assertThat(TypeReference.ofManifest("v1", "ConfigMap")).isEqualTo(TypeReference.exactly("ConfigMap", "v1", ""));
    }

    @Nested
    @DisplayName("refuses, saying how to write it instead,")
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        @DisplayName("an empty reference")
        void empty(String text) {
            assertThatThrownBy(() -> TypeReference.parse(text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The resource type is empty; name one, e.g. pods, deployments.apps,"
                            + " deployments.v1.apps or apps/v1/Deployment.");
            assertThatThrownBy(() -> TypeReference.parse(null)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("a reference longer than 253 characters")
        void tooLong() {
            assertThat(TypeReference.parse("a".repeat(253)).name()).hasSize(253);
            assertThatThrownBy(() -> TypeReference.parse("a".repeat(254)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The resource type is 254 characters long; a resource type has at most 253.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"pods;rm", "pod$", "pods\nx", "dé", "pods_x", "*"})
        @DisplayName("characters a type never has")
        void illegalCharacters(String text) {
            assertThatThrownBy(() -> TypeReference.parse(text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("contains characters a resource type never has");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"po ds", "apps/v1  Deployment", "apps/v1 Deployment x", "apps/v1 apps/Deployment", "v1  Pod"
                })
        @DisplayName("whitespace other than one space between an apiVersion and a kind")
        void whitespace(String text) {
            assertThatThrownBy(() -> TypeReference.parse(text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("contains whitespace");
        }

        @Test
        @DisplayName("a subresource, naming the resource to use instead")
        void subresource() {
            assertThatThrownBy(() -> TypeReference.parse("serviceaccounts/token"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The resource type 'serviceaccounts/token' names a subresource; subresources cannot"
                            + " be used here. Name the resource type itself (serviceaccounts), or write"
                            + " <group>/<version>/<kind> such as apps/v1/Deployment.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/v1/Pod", "apps/v1/Deployment/x", "v1/", "/Pod", "apps//Deployment"})
        @DisplayName("a malformed slashed reference")
        void malformedSlashes(String text) {
            assertThatThrownBy(() -> TypeReference.parse(text)).isInstanceOf(InvalidInputException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {".pods", "pods.", "pods..apps", "deployments.v1."})
        @DisplayName("an empty part between dots")
        void emptyDottedParts(String text) {
            assertThatThrownBy(() -> TypeReference.parse(text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("has an empty part between dots");
        }

        @Test
        @DisplayName("a name with a leading dash")
        void badName() {
            assertThatThrownBy(() -> TypeReference.parse("-pods"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not a resource name");
        }

        @Test
        @DisplayName("a group that is not a DNS name")
        void badGroup() {
            assertThatThrownBy(() -> TypeReference.parse("foos.-bad.io"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not an API group");
        }

        @Test
        @DisplayName("a version that is not a DNS label")
        void badVersion() {
            assertThatThrownBy(() -> TypeReference.parse("apps/-v1/Deployment"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not an API version");
        }

        @Test
        @DisplayName("a core version that is not a Kubernetes version")
        void oddCoreVersion() {
            assertThatThrownBy(() -> TypeReference.parse("stable Widget"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("contains whitespace");
            assertThatThrownBy(() -> TypeReference.exactly("widgets", "stable", ""))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not a version of the core group");
        }

        @Test
        @DisplayName("a version without a group")
        void versionWithoutGroup() {
            assertThatThrownBy(() -> new TypeReference("pods", Optional.of("v1"), Optional.empty()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("A version needs a group: write pods.v1 for the core group or pods.v1.<group>"
                            + " otherwise.");
        }

        @Test
        @DisplayName("the core group without a version, which no spelling could express")
        void coreWithoutVersion() {
            assertThatThrownBy(() -> TypeReference.inGroup("pods", ""))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("write pods.v1 or v1/pods");
        }

        @Test
        @DisplayName("a group without version whose first part looks like a version, which would read back wrong")
        void groupThatLooksVersioned() {
            assertThatThrownBy(() -> TypeReference.inGroup("foos", "v1.example.com"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is ambiguous");
            assertThat(TypeReference.exactly("foos", "v1", "v1.example.com").toString())
                    .isEqualTo("foos.v1.v1.example.com");
        }

        @Test
        @DisplayName("a manifest without apiVersion or kind, or with a malformed apiVersion")
        void badManifests() {
            assertThatThrownBy(() -> TypeReference.ofManifest(null, "Pod"))
                    .hasMessageStartingWith("apiVersion is missing");
            assertThatThrownBy(() -> TypeReference.ofManifest(" ", "Pod"))
                    .hasMessageStartingWith("apiVersion is missing");
            assertThatThrownBy(() -> TypeReference.ofManifest("v1", null)).hasMessageStartingWith("kind is missing");
            assertThatThrownBy(() -> TypeReference.ofManifest("v1", "")).hasMessageStartingWith("kind is missing");
            assertThatThrownBy(() -> TypeReference.ofManifest("apps/v1/x", "Deployment"))
                    .hasMessageContaining("is malformed");
            assertThatThrownBy(() -> TypeReference.ofManifest("/v1", "Deployment"))
                    .hasMessageContaining("is malformed");
        }
    }

    @Test
    @DisplayName("knows whether it names the core group explicitly")
    void namesCore() {
        assertThat(TypeReference.parse("pods.v1").namesCoreGroup()).isTrue();
        assertThat(TypeReference.parse("pods").namesCoreGroup()).isFalse();
        assertThat(TypeReference.parse("deployments.apps").namesCoreGroup()).isFalse();
    }

    @Test
    @DisplayName("admits types by group and version exactly, ignoring case, never by prefix")
    void admits() {
        TypeReference deployments = TypeReference.parse("deployments.v1.apps");

        assertThat(deployments.admits("apps", "v1")).isTrue();
        assertThat(deployments.admits("apps", "v1beta1")).isFalse();
        assertThat(deployments.admits("apps.example.com", "v1")).isFalse();
        assertThat(TypeReference.parse("deployments.APPS").admits("apps", "v1beta2"))
                .isTrue();
        assertThat(TypeReference.parse("deployments").admits("anything.io", "v9"))
                .isTrue();
    }

    @Test
    @DisplayName("is written in its shortest form")
    void formats() {
        assertThat(TypeReference.parse("apps/v1/Deployment")).hasToString("Deployment.v1.apps");
        assertThat(TypeReference.parse("v1 Pod")).hasToString("Pod.v1");
        assertThat(TypeReference.parse("deployments.apps")).hasToString("deployments.apps");
        assertThat(TypeReference.parse("po")).hasToString("po");
        assertThat(TypeReference.exactly("widgets", "stable", "example.com")).hasToString("example.com/stable/widgets");
    }
}
