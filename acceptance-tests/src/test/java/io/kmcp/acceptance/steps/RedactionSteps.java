package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kmcp.acceptance.WorkloadsProduct;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials planted outside Secrets ({@link PlantedCredentials}), read back through every tool by a
 * real MCP client: what each answer shows, in its text and in its structured content.
 */
public final class RedactionSteps {

    private static final String MARKER = "<redacted by k-mcp: ";

    private final World world;
    private final WorkloadSteps workloads;

    /** Every answer of the scenario's reading, by tool, in the order of the calls. */
    private final Map<String, List<ToolOutcome>> answers = new LinkedHashMap<>();

    public RedactionSteps(World world, WorkloadSteps workloads) {
        this.world = world;
        this.workloads = workloads;
    }

    @Given("the namespace {string} holds a config map {string} that carries credentials")
    public void configMapWithCredentials(String namespace, String name) {
        String real = world.name(namespace);
        world.admin().namespace(real);
        WorkloadsProduct.get()
                .adminClient()
                .configMaps()
                .inNamespace(real)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(real)
                        .endMetadata()
                        .withData(Map.of(
                                "api_token", PlantedCredentials.API_TOKEN,
                                "tls.key", PlantedCredentials.PRIVATE_KEY,
                                "mode", "fast"))
                        .build())
                .fieldManager("operator")
                .serverSideApply();
    }

    @Given("k-mcp in front of the cluster runs with {string}")
    public void runsWith(String flag) {
        assertThat(flag).isEqualTo("--redact=off");
        WorkloadsProduct product = WorkloadsProduct.get();
        world.runOn(product.cluster(), product.unredactedServer());
    }

    @When("the agent reads {string} and {string} in namespace {string} through every tool")
    public void throughEveryTool(String workload, String configMap, String namespace) {
        String real = world.name(namespace);
        String pod = workloads.podName(namespace, workload);
        call("resource_get", Map.of("resource", "deployments.apps", "name", workload, "namespace", real));
        call("resource_list", Map.of("resource", "deployments.apps", "namespace", real));
        call("resource_get", Map.of("resource", "pods", "name", pod, "namespace", real));
        call("resource_list", Map.of("resource", "pods", "namespace", real));
        call("resource_get", Map.of("resource", "configmaps", "name", configMap, "namespace", real));
        call("resource_list", Map.of("resource", "configmaps", "namespace", real));
        call("workload_diagnose", Map.of("name", workload, "namespace", real));
        call("namespace_overview", Map.of("namespace", real));
        call("cluster_overview", Map.of());
        call("events_list", Map.of("namespace", real));
        call("pod_logs", Map.of("name", pod, "namespace", real));
        call("pod_logs", Map.of("name", pod, "namespace", real, "previous", true));
        // The plans compare the live objects, credentials and all, with what applying would make of them.
        call(
                "resource_apply",
                Map.of(
                        "resourceYAML",
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + workload + "\n  namespace: "
                                + real + "\n  labels:\n    tier: payments\n",
                        "dryRun",
                        true));
        call(
                "resource_apply",
                Map.of(
                        "resourceYAML",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + configMap + "\n  namespace: " + real
                                + "\ndata:\n  color: blue\n",
                        "dryRun",
                        true));
    }

    @Then("no answer shows any of the credentials, neither in its text nor in its structured content")
    public void noCredentialShown() {
        assertThat(answers.keySet())
                .containsExactly(
                        "resource_get",
                        "resource_list",
                        "workload_diagnose",
                        "namespace_overview",
                        "cluster_overview",
                        "events_list",
                        "pod_logs",
                        "resource_apply");
        assertThat(answers.get("resource_apply"))
                .allSatisfy(outcome ->
                        assertThat(outcome.isError()).as(outcome.text()).isFalse());
        answers.forEach((tool, outcomes) -> outcomes.forEach(outcome -> {
            String seen = seen(outcome);
            assertThat(seen).as("what %s showed", tool).isNotBlank();
            for (String credential : PlantedCredentials.ALL) {
                assertThat(seen).as("what %s showed", tool).doesNotContain(credential);
            }
        }));
    }

    @Then("the answers of {string} show the marker {string}")
    public void marker(String tool, String reason) {
        markerIn(List.of(tool), reason);
    }

    @Then("the answers of {string} and {string} show the marker {string}")
    public void marker(String tool, String other, String reason) {
        markerIn(List.of(tool, other), reason);
    }

    @Then("the answers of {string}, {string} and {string} show the marker {string}")
    public void marker(String tool, String second, String third, String reason) {
        markerIn(List.of(tool, second, third), reason);
    }

    @Then("the answers of {string} still show {string} set to {string} and {string} set to {string}")
    public void leftAlone(String tool, String envName, String envValue, String key, String value) {
        List<Map<?, ?>> maps = new ArrayList<>();
        answers.get(tool).forEach(outcome -> collectMaps(outcome.structured(), maps));
        assertThat(maps)
                .as("an env entry %s=%s in the structured answers of %s", envName, envValue, tool)
                .anySatisfy(map -> {
                    assertThat(map.get("name")).isEqualTo(envName);
                    assertThat(map.get("value")).isEqualTo(envValue);
                });
        assertThat(maps)
                .as("a config map key %s=%s in the structured answers of %s", key, value, tool)
                .anySatisfy(map -> assertThat(map.get(key)).isEqualTo(value));
    }

    @Then("the config map {string} in namespace {string} still holds its credentials")
    public void stillHoldsCredentials(String name, String namespace) {
        ConfigMap configMap =
                world.admin().findConfigMap(world.name(namespace), name).orElseThrow();
        assertThat(configMap.getData())
                .containsEntry("api_token", PlantedCredentials.API_TOKEN)
                .containsEntry("tls.key", PlantedCredentials.PRIVATE_KEY);
    }

    @Then("the answer shows the config map's credentials as they are")
    public void credentialsShown() {
        String seen = seen(world.lastOutcome());
        assertThat(seen).contains(PlantedCredentials.API_TOKEN, PlantedCredentials.PEM_BODY);
    }

    private void markerIn(List<String> tools, String reason) {
        for (String tool : tools) {
            assertThat(answers.get(tool))
                    .as("the answers of %s", tool)
                    .anySatisfy(outcome -> assertThat(seen(outcome)).contains(MARKER + reason + ">"));
        }
    }

    private void call(String tool, Map<String, Object> arguments) {
        answers.computeIfAbsent(tool, any -> new ArrayList<>())
                .add(world.agent("agent").call(tool, arguments));
    }

    /** What an agent reads of an answer: its text and its structured content. */
    private static String seen(ToolOutcome outcome) {
        return outcome.text() + "\n" + Objects.toString(outcome.structured(), "");
    }

    private static void collectMaps(Object value, List<Map<?, ?>> maps) {
        if (value instanceof Map<?, ?> map) {
            maps.add(map);
            map.values().forEach(item -> collectMaps(item, maps));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectMaps(item, maps));
        }
    }
}
