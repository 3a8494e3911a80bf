package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ResourceWriter.ApplyMode;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Server-side apply against a real kube-apiserver: dry run, apply, conflicts, validation, RBAC")
class Fabric8ResourceWriterRealClusterTest {

    private static final String NS = "writer-it";
    private static final RealCluster CLUSTER = new RealCluster();

    private static KubernetesClientPool pool;
    private static Fabric8ResourceWriter writer;
    private static ResourceType configMaps;
    private static Caller editor;
    private static Caller readOnly;

    @BeforeAll
    static void setUp() {
        pool = CLUSTER.newPool();
        writer = new Fabric8ResourceWriter(pool);
        TestBedAccess access = CLUSTER.access();
        access.namespace(NS);
        ServiceAccountRef editorAccount = access.serviceAccount("writer-it", "editor");
        access.clusterRole(
                        "writer-it-edit-configmaps",
                        "",
                        List.of("configmaps", "namespaces"),
                        List.of("get", "list", "create", "patch"))
                .grantClusterWide(editorAccount, "writer-it-edit-configmaps");
        ServiceAccountRef readerAccount = access.serviceAccount("writer-it", "reader");
        access.clusterRole("writer-it-read-configmaps", "", List.of("configmaps"), List.of("get", "list"))
                .grantInNamespace(readerAccount, NS, "writer-it-read-configmaps");
        editor = CLUSTER.callerFor(editorAccount);
        readOnly = CLUSTER.callerFor(readerAccount);

        ApiCatalog catalog = new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults()).catalog(editor);
        configMaps = RealCluster.type(catalog, "configmaps.v1");
        RealCluster.eventually(
                () -> apply(editor, configMaps, configMap("warm-up", Map.of("a", "b")), ApplyMode.DRY_RUN));
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static Map<String, Object> configMap(String name, Map<String, Object> data) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", "ConfigMap");
        object.put("metadata", Map.of("name", name, "namespace", NS));
        object.put("data", data);
        return object;
    }

    /** Applies the object as k-mcp does, to the key its own metadata names. */
    private static Map<String, Object> apply(
            Caller caller, ResourceType type, Map<String, Object> object, ApplyMode mode) {
        Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
        ResourceKey key = new ResourceKey(
                type, NamespaceName.ofNullable((String) metadata.get("namespace")), new ObjectName((String)
                        metadata.get("name")));
        return writer.apply(caller, key, object, mode);
    }

    private static ConfigMap stored(String name) {
        return CLUSTER.admin().configMaps().inNamespace(NS).withName(name).get();
    }

    @Test
    @DisplayName("a dry run answers with what the API server itself would set, such as the uid")
    void dryRunAnswersAsTheServer() {
        Map<String, Object> wouldBe =
                apply(editor, configMaps, configMap("dry", Map.of("mode", "fast")), ApplyMode.DRY_RUN);

        assertThat(((Map<?, ?>) wouldBe.get("metadata")).get("uid")).isNotNull();
    }

    @Test
    @DisplayName("an apply stores the object with k-mcp as its field manager; the same apply again changes nothing")
    void applyStoresWithFieldManager() {
        Map<String, Object> applied =
                apply(editor, configMaps, configMap("real", Map.of("mode", "fast")), ApplyMode.APPLY);

        ConfigMap stored = stored("real");
        assertThat(stored.getData()).containsEntry("mode", "fast");
        assertThat(stored.getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
                .contains(org.assertj.core.groups.Tuple.tuple("k-mcp", "Apply"));
        String version = (String) ((Map<?, ?>) applied.get("metadata")).get("resourceVersion");

        Map<String, Object> again =
                apply(editor, configMaps, configMap("real", Map.of("mode", "fast")), ApplyMode.APPLY);
        assertThat(((Map<?, ?>) again.get("metadata")).get("resourceVersion")).isEqualTo(version);
    }

    @Test
    @DisplayName("a field owned by another manager is a CONFLICT naming that manager; k-mcp does not force it")
    void conflictWithAnotherManager() {
        CLUSTER.admin()
                .configMaps()
                .inNamespace(NS)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("shared")
                        .withNamespace(NS)
                        .endMetadata()
                        .addToData("mode", "fast")
                        .build())
                .patch(new PatchContext.Builder()
                        .withPatchType(PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager("platform-team")
                        .build());

        assertThatThrownBy(
                        () -> apply(editor, configMaps, configMap("shared", Map.of("mode", "slow")), ApplyMode.APPLY))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.CONFLICT))
                .hasMessageContaining("configmaps " + NS + "/shared")
                .hasMessageContaining(".data.mode")
                .hasMessageContaining("\"platform-team\"")
                .hasMessageContaining("never forces");
        assertThat(stored("shared").getData()).containsEntry("mode", "fast");
    }

    @Test
    @DisplayName("an invalid object is INVALID_OBJECT listing the field and why")
    void invalidObject() {
        assertThatThrownBy(() -> apply(
                        editor, configMaps, configMap("invalid", Map.of("not a valid key!", "x")), ApplyMode.DRY_RUN))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.INVALID_OBJECT))
                .hasMessageContaining("data[not a valid key!]")
                .hasMessageContaining("Fix these fields");
    }

    @Test
    @DisplayName("an unknown field is refused (strict validation), not silently dropped")
    void unknownField() {
        Map<String, Object> typo = configMap("typo", Map.of("a", "b"));
        typo.put("dataa", Map.of("a", "b"));

        assertThatThrownBy(() -> apply(editor, configMaps, typo, ApplyMode.DRY_RUN))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.INVALID_OBJECT))
                .hasMessageContaining(".dataa: field not declared in schema")
                .hasMessageContaining("unknown fields are typos");
    }

    @Test
    @DisplayName("an object in a namespace that does not exist is NOT_FOUND, saying to create the namespace first")
    void missingNamespace() {
        Map<String, Object> lost = configMap("lost", Map.of("a", "b"));
        lost.put("metadata", Map.of("name", "lost", "namespace", "writer-it-missing"));

        assertThatThrownBy(() -> apply(editor, configMaps, lost, ApplyMode.DRY_RUN))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.NOT_FOUND))
                .hasMessageContaining("create the namespace first");
    }

    @Test
    @DisplayName("without the right to patch, the denial names the verb, resource and namespace")
    void forbidden() {
        assertThatThrownBy(() -> apply(readOnly, configMaps, configMap("denied", Map.of("a", "b")), ApplyMode.DRY_RUN))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.FORBIDDEN))
                .hasMessageStartingWith("RBAC denied: system:serviceaccount:writer-it:reader cannot patch configmaps in"
                        + " namespace " + NS);
    }
}
