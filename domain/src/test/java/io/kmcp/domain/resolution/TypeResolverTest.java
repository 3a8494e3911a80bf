package io.kmcp.domain.resolution;

import static io.kmcp.domain.fixtures.ClusterCatalogFixture.CERTIFICATES_V1;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.CERTIFICATES_V1ALPHA2;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.DEPLOYMENTS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.EVENTS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.EVENTS_K8S_IO;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.HPA_V1;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.HPA_V2;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.INGRESSES;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.KNATIVE_SERVICES;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.PODS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.SEALED_SECRETS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.SERVICES;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.core;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.fixtures.ClusterCatalogFixture;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Type resolution")
class TypeResolverTest {

    private static final AccessPolicy POLICY = AccessPolicy.builtIn();
    private static final ApiCatalog CATALOG = ClusterCatalogFixture.catalog();

    private static Resolution resolve(String reference) {
        return resolve(CATALOG, reference);
    }

    private static Resolution resolve(ApiCatalog catalog, String reference) {
        return new TypeResolver(POLICY).resolve(catalog, TypeReference.parse(reference));
    }

    private static ApiCatalog catalogWith(ResourceType... extra) {
        List<ResourceType> types = new ArrayList<>(ClusterCatalogFixture.TYPES);
        types.addAll(List.of(extra));
        return ApiCatalog.of(types, ClusterCatalogFixture.PREFERRED_VERSIONS);
    }

    private static ResourceType resolvedType(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Resolution.Resolved.class);
        return ((Resolution.Resolved) resolution).type();
    }

    @Nested
    @DisplayName("by exact name")
    class ExactNames {

        @ParameterizedTest
        @ValueSource(strings = {"pods", "pod", "Pod", "PODS", "po", "pods.v1", "v1/Pod", "v1 Pod", "Pod.v1"})
        @DisplayName("finds a core type by plural, singular, kind or short name, in any case")
        void core(String reference) {
            assertThat(resolvedType(resolve(reference))).isEqualTo(PODS);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "deployments",
                    "deploy",
                    "Deployment",
                    "deployments.apps",
                    "deployments.v1.apps",
                    "apps/v1/Deployment",
                    "apps/v1 Deployment",
                    "Deployment.v1.APPS"
                })
        @DisplayName("finds a type of a group with or without its group and version")
        void grouped(String reference) {
            assertThat(resolvedType(resolve(reference))).isEqualTo(DEPLOYMENTS);
        }

        @Test
        @DisplayName("finds a type whose group has dots")
        void dottedGroups() {
            assertThat(resolvedType(resolve("ingresses.networking.k8s.io"))).isEqualTo(INGRESSES);
        }

        @Test
        @DisplayName("never matches a group by prefix")
        void noGroupPrefix() {
            assertThat(resolve("ingresses.networking")).isInstanceOf(Resolution.NotFound.class);
            assertThat(resolve("deployments.app")).isInstanceOf(Resolution.NotFound.class);
        }

        @Test
        @DisplayName("never matches a name by prefix or containment")
        void noNamePrefix() {
            assertThat(resolve("deploy")).isInstanceOf(Resolution.Resolved.class);
            assertThat(resolve("deployment-s")).isInstanceOf(Resolution.NotFound.class);
            assertThat(resolve("sealed")).isInstanceOf(Resolution.NotFound.class);
        }

        @Test
        @DisplayName("prefers a plural, singular or kind to a short name of another type")
        void namesBeforeShortNames() {
            ResourceType po = type("example.com", "v1", "Po", "poes", false);

            ApiCatalog catalog = catalogWith(po);

            assertThat(resolvedType(resolve(catalog, "po"))).isEqualTo(po);
            assertThat(resolvedType(resolve(catalog, "pods"))).isEqualTo(PODS);
        }
    }

    @Nested
    @DisplayName("by version")
    class Versions {

        @Test
        @DisplayName("uses the group's preferred version when none is given")
        void preferred() {
            assertThat(resolvedType(resolve("hpa"))).isEqualTo(HPA_V2);
            assertThat(resolvedType(resolve("certificates"))).isEqualTo(CERTIFICATES_V1);
        }

        @Test
        @DisplayName("uses the highest version when the preferred one does not serve the type")
        void highest() {
            ResourceType legacyV1beta1 = type("autoscaling", "v1beta1", "Legacy", "legacies", true);
            ResourceType legacyV1 = type("autoscaling", "v1", "Legacy", "legacies", true);
            ResourceType legacyV1alpha1 = type("autoscaling", "v1alpha1", "Legacy", "legacies", true);

            Resolution resolution = resolve(catalogWith(legacyV1beta1, legacyV1alpha1, legacyV1), "legacies");

            assertThat(resolvedType(resolution)).isEqualTo(legacyV1);
        }

        @Test
        @DisplayName("uses exactly the version given")
        void exact() {
            assertThat(resolvedType(resolve("horizontalpodautoscalers.v1.autoscaling")))
                    .isEqualTo(HPA_V1);
            assertThat(resolvedType(resolve("cert-manager.io/v1alpha2/Certificate")))
                    .isEqualTo(CERTIFICATES_V1ALPHA2);
        }

        @Test
        @DisplayName("reports a version the group does not serve as not found, suggesting the served one")
        void missingVersion() {
            assertThat(resolve("deployments.v1beta1.apps"))
                    .isEqualTo(new Resolution.NotFound(
                            TypeReference.parse("deployments.v1beta1.apps"), List.of(DEPLOYMENTS)));
        }
    }

    @Nested
    @DisplayName("across groups")
    class AcrossGroups {

        @Test
        @DisplayName("lets the single core type win, as kubectl does")
        void coreWins() {
            assertThat(resolvedType(resolve("services"))).isEqualTo(SERVICES);
            assertThat(resolvedType(resolve("Service"))).isEqualTo(SERVICES);
            assertThat(resolvedType(resolve("events"))).isEqualTo(EVENTS);
            assertThat(resolvedType(resolve("ev"))).isEqualTo(EVENTS);
        }

        @Test
        @DisplayName("finds the other type when its group is given")
        void qualified() {
            assertThat(resolvedType(resolve("services.serving.knative.dev"))).isEqualTo(KNATIVE_SERVICES);
            assertThat(resolvedType(resolve("ksvc"))).isEqualTo(KNATIVE_SERVICES);
            assertThat(resolvedType(resolve("events.events.k8s.io"))).isEqualTo(EVENTS_K8S_IO);
        }

        @Test
        @DisplayName("reports an ambiguity with every candidate fully qualified when no core type decides it")
        void ambiguous() {
            ResourceType otherCertificates = type("example.io", "v1", "Certificate", "certificates", true);

            Resolution resolution = resolve(catalogWith(otherCertificates), "Certificate");

            assertThat(resolution)
                    .isEqualTo(new Resolution.Ambiguous(
                            TypeReference.parse("Certificate"), List.of(CERTIFICATES_V1, otherCertificates)));
            assertThat(resolution.message())
                    .isEqualTo("'Certificate' matches several resource types: certificates.v1.cert-manager.io,"
                            + " certificates.v1.example.io. Repeat the request with one of these fully-qualified"
                            + " names.");
        }

        @Test
        @DisplayName("reports an ambiguity between two types of one group")
        void ambiguousInOneGroup() {
            ResourceType gadgets = type("example.io", "v1", "Gadget", "gadgets", true);
            ResourceType gadgetSets = type("example.io", "v1", "Gadgets", "gadgetsets", true);

            Resolution resolution = resolve(catalogWith(gadgets, gadgetSets), "gadgets");

            assertThat(resolution).isInstanceOf(Resolution.Ambiguous.class);
            assertThat(((Resolution.Ambiguous) resolution).candidates()).containsExactly(gadgets, gadgetSets);
        }

        @Test
        @DisplayName("reports two core candidates as ambiguous too")
        void twoCoreCandidates() {
            ResourceType things = core("Thing", "things", true, "th");
            ResourceType others = core("Other", "others", true, "th");

            assertThat(resolve(catalogWith(things, others), "th")).isInstanceOf(Resolution.Ambiguous.class);
        }
    }

    @Nested
    @DisplayName("of restricted types")
    class Restricted {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "secrets",
                    "Secret",
                    "secrets.v1",
                    "v1/Secret",
                    "sa",
                    "ServiceAccount",
                    "roles",
                    "ClusterRoleBinding",
                    "rolebindings.rbac.authorization.k8s.io",
                    "secrets.v2",
                    "widgets.rbac.authorization.k8s.io"
                })
        @DisplayName("answers restricted, whether discovery shows the type or the policy filtered it out")
        void restricted(String reference) {
            Resolution unfiltered = resolve(reference);
            Resolution filtered = resolve(POLICY.filter(CATALOG), reference);

            assertThat(unfiltered).isInstanceOf(Resolution.Restricted.class);
            assertThat(filtered).isEqualTo(unfiltered);
            assertThat(unfiltered.message()).contains(" is restricted by this server's policy");
        }

        @Test
        @DisplayName("says which type is restricted, in its stable message")
        void message() {
            assertThat(resolve("sa").message())
                    .startsWith("serviceaccounts is restricted by this server's policy: service accounts");
            assertThat(resolve("Role").message())
                    .startsWith("roles.rbac.authorization.k8s.io is restricted by this server's policy");
        }

        @Test
        @DisplayName("never takes sealedsecrets for secrets, nor the other way round")
        void noLookAlikes() {
            assertThat(resolvedType(resolve("sealedsecrets"))).isEqualTo(SEALED_SECRETS);
            assertThat(resolve("secrets")).isInstanceOf(Resolution.Restricted.class);
        }

        @Test
        @DisplayName("names an unrestricted type of the same name in another group as an alternative")
        void alternatives() {
            ResourceType crdSecrets = type("example.com", "v1", "Secret", "secrets", true);
            ApiCatalog catalog = catalogWith(crdSecrets);

            for (ApiCatalog shown : List.of(catalog, POLICY.filter(catalog))) {
                Resolution resolution = resolve(shown, "secrets");

                assertThat(resolution).isInstanceOf(Resolution.Restricted.class);
                assertThat(((Resolution.Restricted) resolution).alternatives()).containsExactly(crdSecrets);
                assertThat(resolution.message())
                        .endsWith("If you meant another type of that name, which is not restricted, name it fully"
                                + " qualified: secrets.v1.example.com.");
            }
            assertThat(resolvedType(resolve(catalog, "secrets.example.com"))).isEqualTo(crdSecrets);
        }

        @Test
        @DisplayName("refuses an ambiguity that involves a restricted type, naming the unrestricted candidates")
        void restrictedAmbiguity() {
            ResourceType crdRoles = type("example.com", "v1", "Role", "roles", true);
            ApiCatalog catalog = catalogWith(crdRoles);

            for (ApiCatalog shown : List.of(catalog, POLICY.filter(catalog))) {
                Resolution resolution = resolve(shown, "roles");

                assertThat(resolution).isInstanceOf(Resolution.Restricted.class);
                assertThat(((Resolution.Restricted) resolution).decision().subject())
                        .isEqualTo("roles.rbac.authorization.k8s.io");
                assertThat(((Resolution.Restricted) resolution).alternatives()).containsExactly(crdRoles);
            }
        }

        @Test
        @DisplayName("lets an unrestricted core type win over a restricted one of another group")
        void unrestrictedCoreWins() {
            AccessPolicy policy = AccessPolicy.withExtraRestrictions(List.of("*.serving.knative.dev"));

            Resolution resolution = new TypeResolver(policy).resolve(CATALOG, TypeReference.parse("services"));

            assertThat(resolvedType(resolution)).isEqualTo(SERVICES);
            assertThat(new TypeResolver(policy).resolve(CATALOG, TypeReference.parse("ksvc")))
                    .isInstanceOf(Resolution.Restricted.class);
        }

        @Test
        @DisplayName("applies the operator's restrictions, by any name of the type")
        void extras() {
            AccessPolicy policy = AccessPolicy.withExtraRestrictions(List.of("ConfigMap", "sealedsecrets.bitnami.com"));
            TypeResolver resolver = new TypeResolver(policy);

            for (String reference : List.of("cm", "configmaps", "ConfigMap.v1", "sealedsecrets", "SealedSecret")) {
                assertThat(resolver.resolve(CATALOG, TypeReference.parse(reference)))
                        .as(reference)
                        .isInstanceOf(Resolution.Restricted.class);
            }
            assertThat(resolver.resolve(policy.filter(CATALOG), TypeReference.parse("sealedsecrets")))
                    .isInstanceOf(Resolution.Restricted.class);
            assertThat(resolver.resolve(policy.filter(CATALOG), TypeReference.parse("configmaps")))
                    .isInstanceOf(Resolution.Restricted.class);
        }

        @Test
        @DisplayName("a type sharing a short name with a restricted one is refused, filtered catalog or not")
        void sharedShortName() {
            ResourceType sandboxes = core("Sandbox", "sandboxes", true, "sa");
            ApiCatalog catalog = catalogWith(sandboxes);

            Resolution unfiltered = resolve(catalog, "sa");

            assertThat(unfiltered).isInstanceOf(Resolution.Restricted.class);
            assertThat(((Resolution.Restricted) unfiltered).alternatives()).containsExactly(sandboxes);
            assertThat(resolve(POLICY.filter(catalog), "sa")).isEqualTo(unfiltered);
        }

        @Test
        @DisplayName("an unrestricted core type still wins over a restricted type the policy knows by name")
        void coreWinsOverHiddenRestricted() {
            ResourceType coreRoles = core("Role", "roles", true);

            ApiCatalog catalog = POLICY.filter(catalogWith(coreRoles));

            assertThat(resolvedType(resolve(catalog, "roles"))).isEqualTo(coreRoles);
            assertThat(resolve(catalog, "roles.rbac.authorization.k8s.io")).isInstanceOf(Resolution.Restricted.class);
        }

        @Test
        @DisplayName("a known restricted type counts only where discovery has no candidate of its group")
        void discoveryHasTheLastWord() {
            ResourceType coreSecretsV2 = new ResourceType(
                    "", "v2", "Secret", "secrets", "secret", List.of(), true, ClusterCatalogFixture.ALL_VERBS);
            ApiCatalog catalog = catalogWith(coreSecretsV2);

            Resolution resolution = resolve(catalog, "secrets.v2");

            assertThat(resolution).isInstanceOf(Resolution.Restricted.class);
            assertThat(((Resolution.Restricted) resolution).alternatives()).isEmpty();
        }
    }

    @Test
    @DisplayName("says what a reference resolved to")
    void resolvedMessage() {
        assertThat(resolve("deploy").message()).isEqualTo("'deploy' is deployments.v1.apps.");
    }

    @Nested
    @DisplayName("of a name that matches nothing")
    class Missing {

        @Test
        @DisplayName("suggests near misses, fully qualified, closest first")
        void suggests() {
            Resolution resolution = resolve("deploymnets");

            assertThat(resolution)
                    .isEqualTo(new Resolution.NotFound(TypeReference.parse("deploymnets"), List.of(DEPLOYMENTS)));
            assertThat(resolution.message())
                    .isEqualTo("No resource type on this cluster matches 'deploymnets'. Did you mean"
                            + " deployments.v1.apps? Repeat the request with the name you meant.");
        }

        @Test
        @DisplayName("never suggests a restricted type")
        void noRestrictedSuggestions() {
            Resolution resolution = resolve("secre");

            assertThat(resolution).isInstanceOf(Resolution.NotFound.class);
            assertThat(((Resolution.NotFound) resolution).suggestions()).containsExactly(SEALED_SECRETS);
        }

        @Test
        @DisplayName("says so plainly when nothing is close")
        void nothingClose() {
            assertThat(resolve("zzzzzz").message())
                    .isEqualTo("No resource type on this cluster matches 'zzzzzz'. Check the spelling, or list the"
                            + " resource types this cluster serves; a custom resource also needs its"
                            + " CustomResourceDefinition installed.");
        }

        @Test
        @DisplayName("suggests the type in its group when the group is misspelt")
        void misspeltGroup() {
            assertThat(((Resolution.NotFound) resolve("ingresses.networking")).suggestions())
                    .containsExactly(INGRESSES);
        }
    }
}
