package io.kmcp.adapters.kubernetes.testbed;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourceStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What kwok needs from the API server besides its flags: the definitions of the Logs and
 * ClusterLogs resources it watches, and the fake nodes it manages. The stages (how nodes and pods
 * change) are in {@code kwok-stages.yaml} next to this class.
 */
final class KwokCluster {

    /** The annotation that hands a node to kwok (--manage-nodes-with-annotation-selector). */
    static final String NODE_ANNOTATION = "kwok.x-k8s.io/node";

    static final String KWOK_GROUP = "kwok.x-k8s.io";
    static final String KWOK_API_VERSION = KWOK_GROUP + "/v1alpha1";

    private static final String STAGES_RESOURCE = "kwok-stages.yaml";

    private final KubernetesClient admin;

    KwokCluster(KubernetesClient admin) {
        this.admin = admin;
    }

    static List<String> nodeNames(int count) {
        return IntStream.range(0, count).mapToObj(i -> "kwok-node-" + i).collect(Collectors.toList());
    }

    static String stages() {
        try (InputStream in = KwokCluster.class.getResourceAsStream(STAGES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(STAGES_RESOURCE + " is missing from the test bed's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Defines Logs (per pod) and ClusterLogs (per namespace and pod names) and waits until they are
     * served. The schemas keep every field: kwok validates nothing either, and only the test bed
     * writes these objects.
     */
    void installLogDefinitions() {
        List<CustomResourceDefinition> definitions =
                List.of(definition("ClusterLogs", "clusterlogs", "Cluster"), definition("Logs", "logs", "Namespaced"));
        for (CustomResourceDefinition definition : definitions) {
            admin.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(definition)
                    .serverSideApply();
        }
        Eventually.within(Duration.ofSeconds(30), () -> {
            for (CustomResourceDefinition definition : definitions) {
                CustomResourceDefinition served = admin.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(definition.getMetadata().getName())
                        .get();
                if (!Established.of(served)) {
                    throw new IllegalStateException(definition.getMetadata().getName() + " not established yet");
                }
            }
            return null;
        });
    }

    private static CustomResourceDefinition definition(String kind, String plural, String scope) {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + KWOK_GROUP)
                .endMetadata()
                .withNewSpec()
                .withGroup(KWOK_GROUP)
                .withScope(scope)
                .withNewNames()
                .withKind(kind)
                .withListKind(kind + "List")
                .withPlural(plural)
                .withSingular(plural)
                .endNames()
                .addNewVersion()
                .withName("v1alpha1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .withNewSubresources()
                .withStatus(new CustomResourceSubresourceStatus())
                .endSubresources()
                .endVersion()
                .endSpec()
                .build();
    }

    /**
     * Registers the fake nodes, as kubelet would register itself: capacity, labels and node info in
     * the status (a node may carry status on creation). kwok's node stage then makes them Ready and
     * points their addresses at its own server. They have no taint, so ordinary pods land on them.
     */
    void registerNodes(int count, String kubeletVersion) {
        Map<String, Quantity> resources =
                Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110"));
        for (String name : nodeNames(count)) {
            Node node = new NodeBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .addToAnnotations(NODE_ANNOTATION, "fake")
                    .addToLabels("type", "kwok")
                    .addToLabels("kubernetes.io/hostname", name)
                    .addToLabels("kubernetes.io/os", "linux")
                    .addToLabels("kubernetes.io/arch", "amd64")
                    .endMetadata()
                    .withNewSpec()
                    .endSpec()
                    .withNewStatus()
                    .withCapacity(resources)
                    .withAllocatable(resources)
                    .withNewNodeInfo()
                    .withArchitecture("amd64")
                    .withOperatingSystem("linux")
                    .withOsImage("kwok fake node")
                    .withKernelVersion("kwok")
                    .withContainerRuntimeVersion("kwok://v0.7.0")
                    .withKubeletVersion(kubeletVersion)
                    .withMachineID(name)
                    .withSystemUUID(name)
                    .withBootID(name)
                    .endNodeInfo()
                    .endStatus()
                    .build();
            admin.nodes().resource(node).create();
        }
    }

    /**
     * Waits until every fake node is Ready and untainted: the node lifecycle controller taints a
     * node not-ready until kwok reports it Ready, and the scheduler would skip it until then.
     */
    void awaitNodesSchedulable(int count, Duration timeout, Runnable stillRunning) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> names = nodeNames(count);
        String lastSeen = "no node yet";
        while (Instant.now().isBefore(deadline)) {
            stillRunning.run();
            List<Node> nodes = admin.nodes().list().getItems().stream()
                    .filter(n -> names.contains(n.getMetadata().getName()))
                    .collect(Collectors.toList());
            if (nodes.size() == count && nodes.stream().allMatch(KwokCluster::schedulable)) {
                return;
            }
            lastSeen = nodes.stream()
                    .map(n -> n.getMetadata().getName() + " ready=" + ready(n) + " taints="
                            + (n.getSpec().getTaints() == null
                                    ? "[]"
                                    : n.getSpec().getTaints().stream()
                                            .map(t -> t.getKey() + ":" + t.getEffect())
                                            .collect(Collectors.toList())))
                    .collect(Collectors.joining("; "));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("fake nodes not schedulable within " + timeout + ": " + lastSeen);
    }

    private static boolean schedulable(Node node) {
        return ready(node)
                && (node.getSpec().getTaints() == null
                        || node.getSpec().getTaints().isEmpty());
    }

    private static boolean ready(Node node) {
        return node.getStatus() != null
                && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
