package io.kmcp.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.Caller;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResourceCatalog} answers, the in-memory one and fabric8's discovery on a real API
 * server alike: the cluster's types as discovery describes them, unfiltered, the same for every caller
 * of the cluster, and a type installed since the catalog was cached once it is refreshed.
 */
public abstract class ResourceCatalogContract {

    protected abstract ResourceCatalog catalog();

    protected abstract ClusterUnderContract cluster();

    /** Another caller of the same cluster, with a token of its own. */
    protected abstract Caller anotherCaller();

    /**
     * Makes the cluster serve a new namespaced type of kind {@code Widget}, in version {@code v1} of a
     * group of its own (a CRD installed).
     *
     * @return the type's fully-qualified name, {@code widgets.v1.<group>}
     */
    protected abstract String installWidgets();

    private static Optional<ResourceType> type(ApiCatalog catalog, String fullyQualifiedName) {
        return catalog.types().stream()
                .filter(type -> type.fullyQualifiedName().equals(fullyQualifiedName))
                .findFirst();
    }

    @Test
    @DisplayName("core and named groups are served with kind, scope, short names, verbs and preferred versions")
    void builtInTypes() {
        ApiCatalog catalog = catalog().catalog(cluster().caller());

        assertThat(type(catalog, "pods.v1")).hasValueSatisfying(pods -> {
            assertThat(pods.kind()).isEqualTo("Pod");
            assertThat(pods.singular()).isEqualTo("pod");
            assertThat(pods.shortNames()).contains("po");
            assertThat(pods.namespaced()).isTrue();
            assertThat(pods.verbs()).contains(Verb.GET, Verb.LIST, Verb.PATCH);
        });
        assertThat(type(catalog, "namespaces.v1"))
                .hasValueSatisfying(
                        namespaces -> assertThat(namespaces.namespaced()).isFalse());
        assertThat(type(catalog, "deployments.v1.apps"))
                .hasValueSatisfying(
                        deployments -> assertThat(deployments.kind()).isEqualTo("Deployment"));
        assertThat(catalog.preferredVersion("")).contains("v1");
        assertThat(catalog.preferredVersion("apps")).contains("v1");
    }

    @Test
    @DisplayName("the catalog is unfiltered: restricted types are in it, the application applies the policy")
    void unfiltered() {
        ApiCatalog catalog = catalog().catalog(cluster().caller());

        assertThat(type(catalog, "secrets.v1")).isPresent();
        assertThat(catalog.groups()).contains("rbac.authorization.k8s.io");
    }

    @Test
    @DisplayName("every caller of the cluster gets the same types")
    void sameForEveryCaller() {
        assertThat(catalog().catalog(anotherCaller()).types())
                .containsExactlyInAnyOrderElementsOf(
                        catalog().catalog(cluster().caller()).types());
    }

    @Test
    @DisplayName("a type installed after the catalog was cached is served once refreshed, and cached from then on")
    void refreshSeesNewTypes() throws Exception {
        Caller caller = cluster().caller();
        ApiCatalog before = catalog().catalog(caller);

        String widgets = installWidgets();

        assertThat(type(before, widgets)).isEmpty();
        ResourceType installed = cluster()
                .eventually(() -> type(catalog().refreshed(caller), widgets)
                        .orElseThrow(() -> new AssertionError(widgets + " is not served yet")));
        assertThat(installed.kind()).isEqualTo("Widget");
        assertThat(installed.namespaced()).isTrue();
        assertThat(type(catalog().catalog(caller), widgets)).contains(installed);
    }
}
