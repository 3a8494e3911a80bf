package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.application.Caller;
import io.kmcp.domain.resource.KubernetesObjects;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * What reading objects costs k-mcp per call, on the thread that converts them: CPU time and bytes
 * allocated (the JVM's per-thread counters), for ways of converting and trimming (one conversion
 * without a trim, the three trees of old, one conversion with the deep-copying trim, one conversion
 * with the sharing trim), in interleaved rounds; and how many requests one discovery refresh sends to the test bed's kube-apiserver. Not a
 * test: it prints numbers. Run with the module's test classpath: {@code java -cp …
 * io.kmcp.adapters.kubernetes.ReadCostBench [rounds] [calls per round] [variant]}.
 */
public final class ReadCostBench {

    private static final String NAMESPACE = "bench-list";
    private static final int CONFIG_MAPS = 100;
    private static final ResourceType CONFIG_MAPS_TYPE =
            new ResourceType("", "v1", "ConfigMap", "configmaps", "configmap", List.of("cm"), true, Set.of(Verb.LIST));
    private static final ResourceType DEPLOYMENTS = new ResourceType(
            "apps", "v1", "Deployment", "deployments", "deployment", List.of("deploy"), true, Set.of(Verb.GET));

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ReadCostBench() {}

    /** One way from an answer's items to the trees the application gets. */
    private interface Conversion extends BiFunction<GenericKubernetesResource, ResourceType, Map<String, Object>> {}

    /** A conversion and the trim the use cases then apply ({@code ListResourcesService}, {@code GetResourceService}). */
    private record Variant(Conversion conversion, UnaryOperator<Map<String, Object>> trim) {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        // One variant alone (no-trim, three-trees, copy-trim, shared-trim), for a flight recording of it.
        String only = args.length > 2 ? args[2] : "";
        RealCluster cluster = new RealCluster();
        KubernetesClient admin = cluster.admin();
        cluster.access().namespace(NAMESPACE);
        for (int i = 0; i < CONFIG_MAPS; i++) {
            String name = "cm-%03d".formatted(i);
            admin.configMaps()
                    .inNamespace(NAMESPACE)
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .withNamespace(NAMESPACE)
                            .withLabels(Map.of("app", "bench", "tier", i % 2 == 0 ? "web" : "worker"))
                            .endMetadata()
                            .withData(Map.of(
                                    "application.properties",
                                    "name=" + name + "\nreplicas=" + (i % 5 + 1) + "\nlog.level=info\n",
                                    "owner",
                                    "bench"))
                            .build())
                    .serverSideApply();
        }

        discoveryRequests(cluster);

        String configMaps = admin.raw("/api/v1/namespaces/" + NAMESPACE + "/configmaps?limit=" + CONFIG_MAPS);
        String deployments;
        try (InputStream fixture = ReadCostBench.class.getResourceAsStream("objects-as-served.json")) {
            deployments = new String(fixture.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Each variant converts and trims every item; they differ in one step from the next.
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("no-trim", new Variant((item, type) -> Fabric8Objects.toMap(admin, item, type), object -> object));
        variants.put(
                "three-trees",
                new Variant((item, type) -> PreviousConversion.toMap(admin, item, type), PreviousTrim::withoutNoise));
        variants.put(
                "copy-trim",
                new Variant((item, type) -> Fabric8Objects.toMap(admin, item, type), PreviousTrim::withoutNoise));
        variants.put(
                "shared-trim",
                new Variant((item, type) -> Fabric8Objects.toMap(admin, item, type), KubernetesObjects::withoutNoise));
        if (!only.isEmpty()) {
            Variant variant = variants.get(only);
            for (int round = 0; round < rounds; round++) {
                run(admin, configMaps, CONFIG_MAPS_TYPE, variant, calls);
            }
            return;
        }
        measure(
                admin,
                "list of 100 config maps (resource_list)",
                configMaps,
                CONFIG_MAPS_TYPE,
                variants,
                rounds,
                calls);
        measure(
                admin,
                "2 deployments with managed fields (fixture)",
                deployments,
                DEPLOYMENTS,
                variants,
                rounds,
                calls);
    }

    private static void discoveryRequests(RealCluster cluster) {
        KubernetesClient admin = cluster.admin();
        int groupVersions = 1;
        for (var group : admin.getApiGroups().getGroups()) {
            groupVersions += group.getVersions().size();
        }
        AtomicInteger requests = new AtomicInteger();
        ApiRequestObserver counting = (name, request) -> {
            requests.incrementAndGet();
            return ApiRequestObserver.Request.IGNORED;
        };
        Caller caller = cluster.callerFor(cluster.access().serviceAccount("bench", "read-cost"));
        try (KubernetesClientPool pool = new KubernetesClientPool(
                KubernetesClusters.of(cluster.connection()), PoolSettings.defaults(), counting)) {
            Fabric8ResourceCatalog catalog =
                    new Fabric8ResourceCatalog(pool, new DiscoverySettings(Duration.ofMinutes(5), Duration.ZERO));
            int types = catalog.catalog(caller).types().size();
            requests.set(0);
            catalog.refreshed(caller);
            System.out.printf(
                    "discovery: %d types in %d group versions; legacy discovery: %d requests per refresh "
                            + "(/api, /apis, one per group version); this build: %d%n",
                    types, groupVersions, groupVersions + 2, requests.get());
        }
    }

    private static void measure(
            KubernetesClient client,
            String what,
            String answer,
            ResourceType type,
            Map<String, Variant> variants,
            int rounds,
            int calls) {
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        for (String name : names) {
            results.put(name, new ArrayList<>());
            run(client, answer, type, variants.get(name), calls);
        }
        // Interleaved: each round starts with the next variant, so none always runs first.
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round + i) % names.size());
                results.get(name).add(run(client, answer, type, variants.get(name), calls));
            }
        }
        long[] parse = run(client, answer, type, null, calls);
        System.out.printf("%s, %d rounds of %d calls, median of the rounds:%n", what, rounds, calls);
        System.out.printf(
                "  parse only (fabric8), once: %,d µs CPU, %,d KiB allocated per call%n",
                parse[0] / 1000, parse[1] / 1024);
        for (String name : names) {
            long cpu = median(results.get(name), 0);
            long bytes = median(results.get(name), 1);
            System.out.printf(
                    "  %-11s: %,d µs CPU, %,d KiB allocated per call (parse, convert, trim)%n",
                    name, cpu / 1000, bytes / 1024);
        }
    }

    /** CPU nanoseconds and bytes allocated per call, on this thread; no variant: the parse alone. */
    private static long[] run(KubernetesClient client, String answer, ResourceType type, Variant variant, int calls) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        int objects = 0;
        for (int i = 0; i < calls; i++) {
            GenericKubernetesResourceList list =
                    client.getKubernetesSerialization().unmarshal(answer, GenericKubernetesResourceList.class);
            if (variant == null) {
                objects += list.getItems().size();
                continue;
            }
            for (GenericKubernetesResource item : list.getItems()) {
                objects += variant.trim()
                        .apply(variant.conversion().apply(item, type))
                        .size();
            }
        }
        if (objects == 0) {
            throw new IllegalStateException("nothing was converted");
        }
        return new long[] {
            (THREADS.getCurrentThreadCpuTime() - cpu) / calls,
            (THREADS.getCurrentThreadAllocatedBytes() - bytes) / calls
        };
    }

    private static long median(List<long[]> rounds, int index) {
        long[] values =
                rounds.stream().mapToLong(round -> round[index]).sorted().toArray();
        return values[values.length / 2];
    }
}
