package io.kmcp.domain.type;

import static io.kmcp.domain.fixtures.ClusterCatalogFixture.CERTIFICATES_V1;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.DEPLOYMENTS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.EVENTS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.EVENTS_K8S_IO;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.HPA_V1;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.HPA_V2;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A resource type from discovery")
class ResourceTypeTest {

    @Test
    @DisplayName("is named pods.v1 in the core group and deployments.v1.apps elsewhere")
    void fullyQualifiedNames() {
        assertThat(PODS.fullyQualifiedName()).isEqualTo("pods.v1");
        assertThat(DEPLOYMENTS.fullyQualifiedName()).isEqualTo("deployments.v1.apps");
        assertThat(CERTIFICATES_V1.fullyQualifiedName()).isEqualTo("certificates.v1.cert-manager.io");
    }

    @Test
    @DisplayName("with a version that does not look like one is named group/version/plural, which still parses")
    void oddVersionsAreNamedWithSlashes() {
        ResourceType odd = new ResourceType(
                "example.com", "stable", "Widget", "widgets", "widget", List.of(), true, Set.of(Verb.GET));

        assertThat(odd.fullyQualifiedName()).isEqualTo("example.com/stable/widgets");
        assertThat(TypeReference.parse(odd.fullyQualifiedName()))
                .isEqualTo(TypeReference.exactly("widgets", "stable", "example.com"));
    }

    @Test
    @DisplayName("in the core group has a Kubernetes version")
    void coreVersions() {
        assertThatThrownBy(() -> new ResourceType("", "stable", "Widget", "widgets", "", List.of(), true, Set.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid core version 'stable'");
    }

    @Test
    @DisplayName("has the apiVersion of its objects as group version")
    void groupVersion() {
        assertThat(PODS.groupVersion()).isEqualTo("v1");
        assertThat(DEPLOYMENTS.groupVersion()).isEqualTo("apps/v1");
    }

    @Test
    @DisplayName("is named like kubectl across versions: pods, deployments.apps")
    void groupResource() {
        assertThat(PODS.groupResource()).isEqualTo("pods");
        assertThat(DEPLOYMENTS.groupResource()).isEqualTo("deployments.apps");
    }

    @Test
    @DisplayName("knows whether it is in the core group")
    void core() {
        assertThat(PODS.isCore()).isTrue();
        assertThat(DEPLOYMENTS.isCore()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"deployments,true", "DEPLOYMENT,true", "deployment,true", "Deployment,true", "deploy,false", "dep,false"
    })
    @DisplayName("is named by its plural, singular or kind in any case, not by a short name or a prefix")
    void isNamed(String name, boolean named) {
        assertThat(DEPLOYMENTS.isNamed(name)).isEqualTo(named);
    }

    @Test
    @DisplayName("has short names in any case")
    void shortNames() {
        assertThat(DEPLOYMENTS.hasShortName("DEPLOY")).isTrue();
        assertThat(DEPLOYMENTS.hasShortName("deployments")).isFalse();
    }

    @Test
    @DisplayName("without a singular (older servers) is still named by plural and kind, never by an empty name")
    void withoutSingular() {
        ResourceType noSingular = new ResourceType("", "v1", "Pod", "pods", "", List.of(), true, EnumSet.of(Verb.LIST));

        assertThat(noSingular.isNamed("pods")).isTrue();
        assertThat(noSingular.isNamed("pod")).isTrue();
        assertThat(noSingular.isNamed("")).isFalse();
    }

    @Test
    @DisplayName("serves the verbs discovery listed and no others")
    void verbs() {
        ResourceType readOnly = new ResourceType(
                "", "v1", "Event", "events", "event", List.of(), true, EnumSet.of(Verb.GET, Verb.LIST));

        assertThat(readOnly.supports(Verb.LIST)).isTrue();
        assertThat(readOnly.supports(Verb.PATCH)).isFalse();
        assertThat(new ResourceType("", "v1", "Event", "events", "event", List.of(), true, Set.of()).verbs())
                .isEmpty();
    }

    @Test
    @DisplayName("keeps its own copy of short names and verbs")
    void copiesCollections() {
        List<String> shortNames = new ArrayList<>(List.of("po"));
        Set<Verb> verbs = EnumSet.of(Verb.GET);
        ResourceType type = new ResourceType("", "v1", "Pod", "pods", "pod", shortNames, true, verbs);

        shortNames.add("p");
        verbs.add(Verb.PATCH);

        assertThat(type.shortNames()).containsExactly("po");
        assertThat(type.verbs()).containsExactly(Verb.GET);
    }

    @Test
    @DisplayName("is the same type as itself in another version, not as another type")
    void sameType() {
        assertThat(HPA_V1.isSameTypeAs(HPA_V2)).isTrue();
        assertThat(HPA_V1.isSameTypeAs(PODS)).isFalse();
        assertThat(EVENTS.isSameTypeAs(EVENTS_K8S_IO)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "Apps,v1,Deployment,deployments,deployment,group",
        "apps,V1,Deployment,deployments,deployment,version",
        "apps,v1,9Deployment,deployments,deployment,kind",
        "apps,v1,Deploy-ment,deployments,deployment,kind",
        "apps,v1,Deployment,deployments/scale,deployment,plural",
        "apps,v1,Deployment,deployments,Deployment,singular",
        "apps,v1,Deployment,deployments,deployment,short name",
    })
    @DisplayName("from discovery with a malformed part is refused, naming the part")
    void rejectsMalformedParts(String group, String version, String kind, String plural, String singular, String part) {
        List<String> shortNames = part.equals("short name") ? List.of("DEPLOY") : List.of();

        assertThatThrownBy(() ->
                        new ResourceType(group, version, kind, plural, singular, shortNames, true, Set.of(Verb.GET)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid " + part);
    }
}
