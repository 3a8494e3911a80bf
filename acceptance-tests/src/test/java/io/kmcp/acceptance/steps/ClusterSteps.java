package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kmcp.acceptance.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the operator sets up on the cluster, and what the cluster holds afterwards, seen as administrator. */
public final class ClusterSteps {

    private final World world;

    public ClusterSteps(World world) {
        this.world = world;
    }

    @Given("a namespace {string}")
    public void aNamespace(String namespace) {
        world.admin().namespace(world.name(namespace));
    }

    @Given("the namespace {string} holds these config maps:")
    public void configMaps(String namespace, List<Map<String, String>> rows) {
        String real = world.name(namespace);
        world.admin().namespace(real);
        for (Map<String, String> row : rows) {
            world.admin()
                    .configMap(real, row.get("name"), pairs(row.get("labels")), pairs(row.get("data")), "operator");
        }
    }

    @Given("the config map {string} in namespace {string} carries the last-applied annotation of kubectl")
    public void lastApplied(String name, String namespace) {
        world.admin()
                .annotate(
                        world.name(namespace),
                        name,
                        "kubectl.kubernetes.io/last-applied-configuration",
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}");
        assertThat(configMap(name, namespace).getMetadata().getAnnotations())
                .containsKey("kubectl.kubernetes.io/last-applied-configuration");
    }

    @Given("the namespace {string} holds a secret {string} with {string} set to {string}")
    public void secret(String namespace, String name, String key, String value) {
        world.admin().namespace(world.name(namespace));
        world.admin().secret(world.name(namespace), name, Map.of(key, value));
    }

    @Given(
            "the platform team's tool {string} has set {string} to {string} in config map {string} of namespace {string}")
    public void ownedByAnotherManager(String fieldManager, String key, String value, String name, String namespace) {
        world.admin().namespace(world.name(namespace));
        world.admin().configMap(world.name(namespace), name, Map.of(), Map.of(key, value), fieldManager);
    }

    @Given("the cluster serves a custom type {string} in the API group {string}")
    public void customType(String kind, String group) {
        String plural = kind.toLowerCase(java.util.Locale.ROOT) + "s";
        world.admin().customResourceDefinition(world.name(group), kind, plural, List.of());
        world.installed(plural + "." + world.name(group));
    }

    @Given("the API group {string} is new to the cluster")
    public void newGroup(String group) {
        assertThat(world.admin().servesGroup(world.name(group)))
                .as("%s is served", world.name(group))
                .isFalse();
    }

    @Then("the config map {string} in namespace {string} has {string} set to {string}")
    @Then("the config map {string} in namespace {string} still has {string} set to {string}")
    public void configMapHas(String name, String namespace, String key, String value) {
        assertThat(configMap(name, namespace).getData()).containsEntry(key, world.real(value));
    }

    @Then("there is no config map {string} in namespace {string}")
    public void noConfigMap(String name, String namespace) {
        assertThat(world.admin().findConfigMap(world.name(namespace), name))
                .as("config map %s in %s", name, world.name(namespace))
                .isEmpty();
    }

    @Given("there is no namespace {string} yet")
    public void noNamespace(String namespace) {
        assertThat(world.admin().namespaceExists(world.name(namespace)))
                .as("namespace %s exists", world.name(namespace))
                .isFalse();
    }

    @Then("the namespace {string} exists")
    public void namespaceExists(String namespace) {
        assertThat(world.admin().namespaceExists(world.name(namespace)))
                .as("namespace %s exists", world.name(namespace))
                .isTrue();
    }

    private ConfigMap configMap(String name, String namespace) {
        Optional<ConfigMap> found = world.admin().findConfigMap(world.name(namespace), name);
        assertThat(found).as("config map %s in %s", name, world.name(namespace)).isPresent();
        return found.get();
    }

    /** {@code a=1,b=2} as a map; empty for an empty cell. */
    private static Map<String, String> pairs(String cell) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (cell == null || cell.isBlank()) {
            return pairs;
        }
        for (String pair : cell.split(",")) {
            String[] parts = pair.split("=", 2);
            pairs.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
        }
        return pairs;
    }
}
