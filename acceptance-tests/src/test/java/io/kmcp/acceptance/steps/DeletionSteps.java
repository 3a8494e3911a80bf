package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kmcp.acceptance.WorkloadsProduct;
import io.kmcp.acceptance.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Objects that were deleted and will not go away, because a finalizer that no controller removes holds
 * them. The operator stages them with the administrator's client (k-mcp never deletes); after the
 * scenario the finalizers are removed, so the objects go and the bed stays clean.
 */
public final class DeletionSteps {

    /** "deleted 12m ago" or "asked 3s ago": how long the object has waited, as a finding says it. */
    private static final Pattern WAITED = Pattern.compile("(deleted|asked) \\d+[smh] ago");

    private final World world;
    private final WorkloadSteps workloads;
    private final Map<String, String> heldPods = new LinkedHashMap<>();
    private final List<Runnable> releases = new ArrayList<>();

    public DeletionSteps(World world, WorkloadSteps workloads) {
        this.world = world;
        this.workloads = workloads;
    }

    @Given("the pod of {string} in namespace {string} is held by the finalizer {string} and was deleted")
    public void podHeldAndDeleted(String workload, String namespace, String finalizer) {
        String real = world.name(namespace);
        String pod = workloads.onlyPod(real, workload).getMetadata().getName();
        Resource<Pod> resource = admin().pods().inNamespace(real).withName(pod);
        held(resource, finalizer);
        resource.withGracePeriod(0).delete();
        heldPods.put(workload, pod);
        // The ReplicaSet replaces the pod; once the replacement runs, the held pod is all that is amiss.
        workloads().awaitPodsRunning(real, workload, 1);
        assertThat(resource.get())
                .as("pod %s, deleted and held by %s", pod, finalizer)
                .satisfies(kept ->
                        assertThat(kept.getMetadata().getDeletionTimestamp()).isNotNull());
    }

    @Given("the namespace {string} holds a config map {string} held by the finalizer {string}")
    public void heldConfigMap(String namespace, String name, String finalizer) {
        String real = world.name(namespace);
        workloads().namespace(real);
        Resource<ConfigMap> resource = admin().configMaps()
                .inNamespace(real)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(real)
                        .endMetadata()
                        .addToData("kept", "until its finalizer goes")
                        .build());
        resource.create();
        held(resource, finalizer);
    }

    /**
     * Deletes the namespace and waits until the namespace controller has deleted what it could and
     * reports the finalizers of the content that remains.
     */
    @Given("the namespace {string} was deleted")
    public void namespaceDeleted(String namespace) {
        String real = world.name(namespace);
        Resource<Namespace> resource = admin().namespaces().withName(real);
        resource.delete();
        workloads().awaitCondition(real + ": NamespaceFinalizersRemaining", () -> {
            Namespace terminating = resource.get();
            assertThat(terminating.getStatus().getConditions()).anySatisfy(condition -> {
                assertThat(condition.getType()).isEqualTo("NamespaceFinalizersRemaining");
                assertThat(condition.getStatus()).isEqualTo("True");
            });
            return terminating;
        });
    }

    @Then("the diagnosis says how long ago the held pod of {string} was deleted, and what holds it")
    public void saysWaitAndHolder(String workload) {
        String pod = heldPods.get(workload);
        assertThat(pod).as("a held pod of %s in this scenario", workload).isNotNull();
        List<Map<String, Object>> findings = list(structured().get("findings"));
        assertThat(findings)
                .as("findings of%n%s", world.lastOutcome().text())
                .filteredOn(finding -> "DeletionBlocked".equals(finding.get("cause")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(String.valueOf(finding.get("subject"))).endsWith("/" + pod);
                    assertThat(String.valueOf(finding.get("summary")))
                            .containsPattern(WAITED)
                            .contains("example.com/hold");
                });
        assertThat(world.lastOutcome().text()).containsPattern(WAITED);
    }

    @Then("the overview names the namespace {string} first, as unhealthy because of {string}, saying {string}")
    public void namespaceFirst(String namespace, String cause, String saying) {
        String real = world.name(namespace);
        List<Map<String, Object>> unhealthy = list(structured().get("unhealthy"));
        assertThat(unhealthy).as("structuredContent.unhealthy").isNotEmpty();
        assertThat(unhealthy.get(0)).satisfies(entry -> {
            assertThat(entry.get("kind")).isEqualTo("Namespace");
            assertThat(entry.get("name")).isEqualTo(real);
            assertThat(entry.get("cause")).isEqualTo(cause);
            assertThat(String.valueOf(entry.get("summary"))).contains(saying).containsPattern(WAITED);
        });
        assertThat(world.lastOutcome().text().lines())
                .as("lines of the overview")
                .anyMatch(line -> line.contains("Namespace " + real) && line.contains(cause) && line.contains(saying));
    }

    /** Removes the finalizers this scenario added, whatever its outcome, so the held objects go. */
    @After
    public void releaseHeld() {
        List<Runnable> pending = List.copyOf(releases);
        releases.clear();
        pending.forEach(Runnable::run);
    }

    private <T extends HasMetadata> void held(Resource<T> resource, String finalizer) {
        resource.edit(object -> {
            object.getMetadata().getFinalizers().add(finalizer);
            return object;
        });
        releases.add(() -> {
            if (resource.get() != null) {
                resource.edit(object -> {
                    object.getMetadata().getFinalizers().remove(finalizer);
                    return object;
                });
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> structured() {
        Object structured = world.lastOutcome().structured();
        assertThat(structured).as("structured content").isInstanceOf(Map.class);
        return (Map<String, Object>) structured;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).as("a list in the structured content").isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    private static io.kmcp.adapters.kubernetes.testbed.Workloads workloads() {
        return WorkloadsProduct.get().workloads();
    }

    private static KubernetesClient admin() {
        return WorkloadsProduct.get().adminClient();
    }
}
