package io.kmcp.domain.resolution;

import static io.kmcp.domain.fixtures.ClusterCatalogFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import io.kmcp.domain.type.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Suggestions for a name that matched nothing")
class SuggestionsTest {

    private static List<String> suggestionsFor(String reference, ResourceType... types) {
        return Suggestions.forMissing(
                        TypeReference.parse(reference), ApiCatalog.of(List.of(types), Map.of()), AccessPolicy.builtIn())
                .stream()
                .map(ResourceType::fullyQualifiedName)
                .toList();
    }

    @Test
    @DisplayName("allow one typo in a name of up to four letters and two in a longer one")
    void typoBudget() {
        ResourceType gizmos = type("example.com", "v1", "Gizmo", "gizmos", true);

        assertThat(suggestionsFor("gizm", gizmos)).as("one edit from gizmo").hasSize(1);
        assertThat(suggestionsFor("gixm", gizmos))
                .as("two edits in a four-letter name")
                .isEmpty();
        assertThat(suggestionsFor("gixmoz", gizmos))
                .as("two edits in a six-letter name")
                .hasSize(1);
        assertThat(suggestionsFor("gxxmoz", gizmos)).as("three edits").isEmpty();
    }

    @Test
    @DisplayName("offer a name containing the one given, or contained in it, from three letters on")
    void containment() {
        ResourceType networkPolicies = type("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true);

        assertThat(suggestionsFor("policies", networkPolicies)).containsExactly("networkpolicies.v1.networking.k8s.io");
        assertThat(suggestionsFor("mynetworkpolicyx", networkPolicies)).hasSize(1);
        assertThat(suggestionsFor("net", networkPolicies)).hasSize(1);
        assertThat(suggestionsFor("ne", networkPolicies)).isEmpty();
    }

    @Test
    @DisplayName("put typos before containment, closer typos first")
    void closestFirst() {
        ResourceType oneEdit = type("example.com", "v1", "Widget", "widgets", true);
        ResourceType twoEdits = type("example.com", "v1", "Gizmo", "widgetxs", true);
        ResourceType containing = type("example.com", "v1", "Doohickey", "bigwidgetzset", true);

        assertThat(suggestionsFor("widgetz", containing, twoEdits, oneEdit))
                .containsExactly("widgets.v1.example.com", "widgetxs.v1.example.com", "bigwidgetzset.v1.example.com");
    }

    @Test
    @DisplayName("rank a type of another group after an equally close one of the group given")
    void groupPenalty() {
        ResourceType inGroup = type("zz.io", "v1", "Gadgetr", "gadgetr", true);
        ResourceType elsewhere = type("aa.io", "v1", "Gadgetqa", "gadgetqa", true);

        assertThat(suggestionsFor("gadgetq.zz.io", elsewhere, inGroup))
                .containsExactly("gadgetr.v1.zz.io", "gadgetqa.v1.aa.io");
        assertThat(suggestionsFor("gadgetq", elsewhere, inGroup))
                .as("without a group, equally close types are in alphabetical order")
                .containsExactly("gadgetqa.v1.aa.io", "gadgetr.v1.zz.io");
    }

    @Test
    @DisplayName("list equally close types alphabetically by fully-qualified name, whatever their groups")
    void alphabeticalTies() {
        ResourceType first = type("a.io", "v1", "Gizmo", "zgizmos", true);
        ResourceType second = type("b.io", "v1", "Gizmo", "agizmos", true);

        assertThat(suggestionsFor("gizmoz", first, second)).containsExactly("agizmos.v1.b.io", "zgizmos.v1.a.io");
    }

    @Test
    @DisplayName("never take a missing singular for a name")
    void noEmptyNames() {
        ResourceType noSingular =
                new ResourceType("example.com", "v1", "Zebra", "zebras", "", List.of(), true, Set.of(Verb.GET));

        assertThat(suggestionsFor("q", noSingular)).isEmpty();
    }

    @Test
    @DisplayName("are at most five")
    void atMostFive() {
        ResourceType[] types = {
            type("a.io", "v1", "Thing", "things", true),
            type("b.io", "v1", "Thing", "things", true),
            type("c.io", "v1", "Thing", "things", true),
            type("d.io", "v1", "Thing", "things", true),
            type("e.io", "v1", "Thing", "things", true),
            type("f.io", "v1", "Thing", "things", true),
        };

        assertThat(suggestionsFor("thingz", types))
                .containsExactly(
                        "things.v1.a.io", "things.v1.b.io", "things.v1.c.io", "things.v1.d.io", "things.v1.e.io");
    }
}
