package io.kmcp.domain.apply;

import io.kmcp.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The documents of one request in the order they can be applied: Namespaces, then
 * CustomResourceDefinitions, then cluster-wide configuration (StorageClass, PriorityClass,
 * IngressClass …), then what workloads mount or are bounded by (ConfigMap, PersistentVolumeClaim,
 * ResourceQuota, LimitRange), then Services, then workloads, then everything else; within each rank in
 * the order written. Each step knows which earlier documents of the plan it needs to exist first: a
 * server-side dry run of it fails until they do.
 */
public final class ApplyPlan {

    /** Everything not ranked below comes last, in the order written. */
    private static final int LAST = 6;

    private static final Map<String, Integer> RANKS = ranks();

    private final List<Step> steps;

    private ApplyPlan(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * One document and the earlier documents of the plan it depends on: the Namespace document that
     * creates its namespace, the CustomResourceDefinition document that defines its kind.
     */
    public record Step(Manifest manifest, List<Position> prerequisites) {
        public Step {
            Objects.requireNonNull(manifest, "manifest");
            prerequisites = List.copyOf(prerequisites);
        }

        /** False if the API server cannot check it before its prerequisites are applied. */
        public boolean canBeDryRunAlone() {
            return prerequisites.isEmpty();
        }
    }

    /**
     * @throws InvalidInputException if there is nothing to apply or two documents declare the same
     *     object
     */
    public static ApplyPlan of(List<Manifest> manifests) {
        Objects.requireNonNull(manifests, "manifests");
        if (manifests.isEmpty()) {
            throw new InvalidInputException("There is nothing to apply; send at least one manifest.");
        }
        rejectDuplicates(manifests);
        List<Manifest> ordered = new ArrayList<>(manifests);
        ordered.sort(Comparator.comparingInt(ApplyPlan::rank));
        List<Step> steps = ordered.stream()
                .map(manifest -> new Step(manifest, prerequisitesOf(manifest, manifests)))
                .toList();
        return new ApplyPlan(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /** The manifests in apply order. */
    public List<Manifest> manifests() {
        return steps.stream().map(Step::manifest).toList();
    }

    /** Where the plan applies a document, or empty if it is not part of the plan. */
    public Optional<Step> stepOf(Position position) {
        return steps.stream()
                .filter(step -> step.manifest().position().equals(position))
                .findFirst();
    }

    private static void rejectDuplicates(List<Manifest> manifests) {
        Map<Identity, Manifest> seen = new HashMap<>();
        for (Manifest manifest : manifests) {
            Manifest earlier = seen.putIfAbsent(Identity.of(manifest), manifest);
            if (earlier != null) {
                throw new InvalidInputException(earlier.position() + " and " + manifest.position()
                        + " both declare " + earlier.kind() + " "
                        + earlier.namespace().map(ns -> ns + "/").orElse("") + earlier.name()
                        + (earlier.group().isEmpty() ? "" : " of group " + earlier.group())
                        + "; keep only one of them.");
            }
        }
    }

    /** Same group, kind, namespace and name: the same object, whatever the version. */
    private record Identity(String group, String kind, String namespace, String name) {
        static Identity of(Manifest manifest) {
            return new Identity(
                    manifest.group(),
                    manifest.kind(),
                    manifest.namespace().map(Object::toString).orElse(""),
                    manifest.name().value());
        }
    }

    private static List<Position> prerequisitesOf(Manifest manifest, List<Manifest> plan) {
        return plan.stream()
                .filter(other -> createsNamespaceOf(other, manifest) || definesKindOf(other, manifest))
                .map(Manifest::position)
                .sorted()
                .toList();
    }

    private static boolean createsNamespaceOf(Manifest namespace, Manifest manifest) {
        return namespace.isNamespace()
                && manifest.namespace()
                        .filter(ns -> ns.value().equals(namespace.name().value()))
                        .isPresent();
    }

    private static boolean definesKindOf(Manifest crd, Manifest manifest) {
        return crd.isCustomResourceDefinition()
                && crd.body().get("spec") instanceof Map<?, ?> spec
                && manifest.group().equals(spec.get("group"))
                && spec.get("names") instanceof Map<?, ?> names
                && manifest.kind().equals(names.get("kind"));
    }

    private static int rank(Manifest manifest) {
        return RANKS.getOrDefault(manifest.group() + "/" + manifest.kind(), LAST);
    }

    private static Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new HashMap<>();
        rank(ranks, 0, "/Namespace");
        rank(ranks, 1, Manifest.CRD_GROUP + "/" + Manifest.CRD_KIND);
        rank(
                ranks,
                2,
                "storage.k8s.io/StorageClass",
                "scheduling.k8s.io/PriorityClass",
                "networking.k8s.io/IngressClass",
                "node.k8s.io/RuntimeClass",
                "/PersistentVolume");
        rank(ranks, 3, "/ConfigMap", "/PersistentVolumeClaim", "/ResourceQuota", "/LimitRange");
        rank(ranks, 4, "/Service");
        rank(
                ranks,
                5,
                "apps/Deployment",
                "apps/StatefulSet",
                "apps/DaemonSet",
                "apps/ReplicaSet",
                "batch/Job",
                "batch/CronJob",
                "/Pod",
                "/ReplicationController");
        return Map.copyOf(ranks);
    }

    private static void rank(Map<String, Integer> ranks, int rank, String... groupKinds) {
        Set.of(groupKinds).forEach(groupKind -> ranks.put(groupKind, rank));
    }
}
