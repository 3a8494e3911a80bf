package io.kmcp.domain.policy;

import static io.kmcp.domain.fixtures.ClusterCatalogFixture.CLUSTER_ROLES;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.CONFIGMAPS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.DEPLOYMENTS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.PODS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.ROLES;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.SEALED_SECRETS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.SECRETS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.SERVICEACCOUNTS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.core;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.fixtures.ClusterCatalogFixture;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The access policy")
class AccessPolicyTest {

    private final AccessPolicy builtIn = AccessPolicy.builtIn();

    @Test
    @DisplayName("says in words what it restricts, the operator's entries after the built-in ones")
    void inWords() {
        assertThat(builtIn.inWords())
                .isEqualTo("secrets, service accounts and RBAC objects (rbac.authorization.k8s.io)");
        assertThat(AccessPolicy.withExtraRestrictions(List.of("configmaps", "*.example.com"))
                        .inWords())
                .isEqualTo("secrets, service accounts and RBAC objects (rbac.authorization.k8s.io), and also"
                        + " configmaps, *.example.com");
    }

    @Nested
    @DisplayName("built in")
    class BuiltIn {

        @Test
        @DisplayName("restricts core secrets, with a reason an agent can act on")
        void secrets() {
            assertThat(builtIn.decide(SECRETS))
                    .isEqualTo(new PolicyDecision.Restricted(
                            "secrets",
                            "secrets is restricted by this server's policy: Secrets hold credentials. This server will"
                                    + " not read, list or change it under any name or version; if the task needs"
                                    + " it, ask a cluster administrator to do that part."));
        }

        @Test
        @DisplayName("restricts core service accounts")
        void serviceAccounts() {
            assertThat(builtIn.decide(SERVICEACCOUNTS))
                    .isInstanceOfSatisfying(
                            PolicyDecision.Restricted.class,
                            restricted -> assertThat(restricted.reason())
                                    .startsWith(
                                            "serviceaccounts is restricted by this server's policy: service accounts"));
        }

        @Test
        @DisplayName("restricts every type of rbac.authorization.k8s.io, even one it does not know by name")
        void rbac() {
            ResourceType future = type("rbac.authorization.k8s.io", "v2", "RoleTemplate", "roletemplates", false);

            assertThat(builtIn.decide(ROLES))
                    .isEqualTo(PolicyDecision.Restricted.of(
                            "roles.rbac.authorization.k8s.io", "RBAC objects grant permissions"));
            assertThat(builtIn.decide(CLUSTER_ROLES).isRestricted()).isTrue();
            assertThat(builtIn.decide(future).isRestricted()).isTrue();
        }

        @Test
        @DisplayName("allows everything else, including look-alikes in other groups")
        void allowsOthers() {
            ResourceType crdSecrets = type("example.com", "v1", "Secret", "secrets", true);

            assertThat(builtIn.decide(PODS)).isEqualTo(PolicyDecision.allowed());
            assertThat(builtIn.allows(DEPLOYMENTS)).isTrue();
            assertThat(builtIn.allows(SEALED_SECRETS)).isTrue();
            assertThat(builtIn.allows(crdSecrets)).isTrue();
            assertThat(builtIn.allows(type("rbac.example.com", "v1", "Role", "roles", true)))
                    .isTrue();
            assertThat(builtIn.allows(core("Sandbox", "sandboxes", true, "sa")))
                    .as("a short name alone does not make a type a service account")
                    .isTrue();
        }

        @ParameterizedTest
        @CsvSource({
            "'',secrets,secrets",
            "'',serviceaccounts,serviceaccounts",
            "'',serviceaccounts/token,serviceaccounts/token",
            "'',SERVICEACCOUNTS/token,SERVICEACCOUNTS/token",
            "rbac.authorization.k8s.io,clusterrolebindings,clusterrolebindings.rbac.authorization.k8s.io",
            "RBAC.authorization.k8s.io,anything/status,anything/status.rbac.authorization.k8s.io",
        })
        @DisplayName("restricts a resource or subresource path of a restricted type")
        void restrictsPaths(String group, String resource, String subject) {
            PolicyDecision decision = builtIn.decide(group, resource);

            assertThat(decision)
                    .isInstanceOfSatisfying(
                            PolicyDecision.Restricted.class,
                            restricted -> assertThat(restricted.subject()).isEqualTo(subject));
        }

        @ParameterizedTest
        @CsvSource({"'',pods/log", "'',configmaps", "apps,deployments/scale", "example.com,secrets"})
        @DisplayName("allows paths of other types")
        void allowsPaths(String group, String resource) {
            assertThat(builtIn.decide(group, resource).isRestricted()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "a/b/c"})
        @DisplayName("refuses a malformed resource path")
        void rejectsMalformedPaths(String resource) {
            assertThatThrownBy(() -> builtIn.decide("", resource))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not a plural or plural/subresource");
            assertThatThrownBy(() -> builtIn.decide("", null)).isInstanceOf(InvalidInputException.class);
        }

        @ParameterizedTest
        @CsvSource({
            "v1,Secret,Secret",
            "v1,ServiceAccount,ServiceAccount",
            "rbac.authorization.k8s.io/v1,ClusterRoleBinding,ClusterRoleBinding.rbac.authorization.k8s.io",
            "rbac.authorization.k8s.io/v1beta1,Role,Role.rbac.authorization.k8s.io",
        })
        @DisplayName("restricts manifests of restricted kinds, without discovery")
        void restrictsManifests(String apiVersion, String kind, String subject) {
            assertThat(builtIn.decideManifest(apiVersion, kind))
                    .isInstanceOfSatisfying(
                            PolicyDecision.Restricted.class,
                            restricted -> assertThat(restricted.subject()).isEqualTo(subject));
        }

        @ParameterizedTest
        @CsvSource({"v1,ConfigMap", "apps/v1,Deployment", "bitnami.com/v1alpha1,SealedSecret", "example.com/v1,Secret"})
        @DisplayName("allows manifests of other kinds")
        void allowsManifests(String apiVersion, String kind) {
            assertThat(builtIn.decideManifest(apiVersion, kind).isRestricted()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "secrets",
                    "Secret",
                    "SECRET",
                    "sa",
                    "ServiceAccount",
                    "serviceaccount",
                    "secrets.v1",
                    "Role",
                    "clusterroles",
                    "rolebinding.rbac.authorization.k8s.io",
                    "anything.rbac.authorization.k8s.io",
                    "v1/Secret",
                    "rbac.authorization.k8s.io/v1/Whatever"
                })
        @DisplayName("recognises the names of restricted types without discovery")
        void restrictsByName(String text) {
            assertThat(builtIn.decideByName(TypeReference.parse(text)).isRestricted())
                    .isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"pods", "secrets.example.com", "sealedsecrets", "roles.example.com", "s", "sa.apps"})
        @DisplayName("does not take other names for restricted ones")
        void allowsOtherNames(String text) {
            assertThat(builtIn.decideByName(TypeReference.parse(text)).isRestricted())
                    .isFalse();
        }

        @Test
        @DisplayName("names a type restricted by group as it was referred to")
        void namesGroupRestrictionsByReference() {
            assertThat(builtIn.decideByName(TypeReference.parse("widgets.rbac.authorization.k8s.io")))
                    .isInstanceOfSatisfying(
                            PolicyDecision.Restricted.class,
                            restricted ->
                                    assertThat(restricted.subject()).isEqualTo("widgets.rbac.authorization.k8s.io"));
            assertThat(builtIn.decideByName(TypeReference.parse("sa")))
                    .isInstanceOfSatisfying(
                            PolicyDecision.Restricted.class,
                            restricted -> assertThat(restricted.subject()).isEqualTo("serviceaccounts"));
        }

        @Test
        @DisplayName("knows the restricted types of definite groups by name, for resolution")
        void knownTypes() {
            assertThat(builtIn.knownRestrictedTypes())
                    .extracting(
                            KnownRestrictedType::group,
                            known -> known.decision().subject())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("", "secrets"),
                            org.assertj.core.groups.Tuple.tuple("", "serviceaccounts"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "rbac.authorization.k8s.io", "roles.rbac.authorization.k8s.io"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "rbac.authorization.k8s.io", "clusterroles.rbac.authorization.k8s.io"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io"));
            KnownRestrictedType serviceAccounts = builtIn.knownRestrictedTypes().get(1);
            assertThat(serviceAccounts.isNamed("ServiceAccount")).isTrue();
            assertThat(serviceAccounts.isNamed("sa")).isFalse();
            assertThat(serviceAccounts.hasShortName("SA")).isTrue();
            assertThat(serviceAccounts.hasShortName("serviceaccounts")).isFalse();
        }

        @Test
        @DisplayName("filters restricted types out of a catalog and keeps the rest")
        void filtersCatalogs() {
            ApiCatalog filtered = builtIn.filter(ClusterCatalogFixture.catalog());

            assertThat(filtered.types())
                    .doesNotContain(SECRETS, SERVICEACCOUNTS, ROLES, CLUSTER_ROLES)
                    .contains(PODS, CONFIGMAPS, SEALED_SECRETS)
                    .hasSize(ClusterCatalogFixture.TYPES.size() - 6);
        }

        @Test
        @DisplayName("has no extra restrictions")
        void noExtras() {
            assertThat(builtIn.extraRestrictions()).isEmpty();
            assertThat(builtIn).hasToString("AccessPolicy[built-in restrictions, extras=[]]");
        }
    }

    @Nested
    @DisplayName("with extra restrictions from the operator")
    class Extras {

        private final AccessPolicy policy = AccessPolicy.withExtraRestrictions(
                List.of("configmaps", "Lease", " sealedsecrets.bitnami.com ", "*.Example.com"));

        @Test
        @DisplayName("keeps every built-in restriction: configuration cannot lift them")
        void keepsBuiltIns() {
            assertThat(policy.decide(SECRETS).isRestricted()).isTrue();
            assertThat(policy.decide(SERVICEACCOUNTS).isRestricted()).isTrue();
            assertThat(policy.decide(ROLES).isRestricted()).isTrue();
            assertThat(AccessPolicy.withExtraRestrictions(List.of())
                            .decide(SECRETS)
                            .isRestricted())
                    .isTrue();
        }

        @Test
        @DisplayName("restricts an entry without group in every group, by any of the type's names")
        void restrictsByAnyName() {
            ResourceType leases = type("coordination.k8s.io", "v1", "Lease", "leases", true);
            ResourceType otherConfigMaps = type("other.io", "v1", "ConfigMap", "configmaps", true);
            ResourceType shortNamed = type("x.io", "v1", "Thing", "things", true, "configmaps");

            assertThat(policy.decide(CONFIGMAPS))
                    .isEqualTo(PolicyDecision.Restricted.of(
                            "configmaps", "the operator of this server restricts configmaps"));
            assertThat(policy.decide(otherConfigMaps).isRestricted()).isTrue();
            assertThat(policy.decide(leases).isRestricted()).isTrue();
            assertThat(policy.decide(shortNamed).isRestricted()).isTrue();
            assertThat(policy.decide(PODS).isRestricted()).isFalse();
        }

        @Test
        @DisplayName("matches a type by its singular alone")
        void matchesSingular() {
            AccessPolicy policy = AccessPolicy.withExtraRestrictions(List.of("thingy"));
            ResourceType gizmos = new ResourceType(
                    "example.com", "v1", "Gizmo", "gizmos", "thingy", List.of(), true, ClusterCatalogFixture.ALL_VERBS);

            assertThat(policy.decide(gizmos).isRestricted()).isTrue();
        }

        @Test
        @DisplayName("restricts an entry with group in that group only")
        void restrictsInGroup() {
            ResourceType otherSealed = type("other.io", "v1", "SealedSecret", "sealedsecrets", true);

            assertThat(policy.decide(SEALED_SECRETS).isRestricted()).isTrue();
            assertThat(policy.decide(otherSealed).isRestricted()).isFalse();
        }

        @Test
        @DisplayName("restricts every type of a *.group entry, and only of exactly that group")
        void restrictsWholeGroups() {
            assertThat(policy.decide(type("example.com", "v1", "Widget", "widgets", true))
                            .isRestricted())
                    .isTrue();
            assertThat(policy.decide(type("sub.example.com", "v1", "Widget", "widgets", true))
                            .isRestricted())
                    .isFalse();
            assertThat(policy.decide("example.com", "gadgets").isRestricted()).isTrue();
            assertThat(policy.decideManifest("example.com/v1", "Gadget").isRestricted())
                    .isTrue();
        }

        @Test
        @DisplayName("matches a manifest offline by its kind or the plural guessed from it")
        void matchesManifestsOffline() {
            assertThat(policy.decideManifest("v1", "ConfigMap").isRestricted()).isTrue();
            assertThat(policy.decideManifest("coordination.k8s.io/v1", "Lease").isRestricted())
                    .isTrue();
            assertThat(policy.decideManifest("bitnami.com/v1alpha1", "SealedSecret")
                            .isRestricted())
                    .isTrue();
            assertThat(policy.decideManifest("apps/v1", "Deployment").isRestricted())
                    .isFalse();
        }

        @Test
        @DisplayName("cannot match a manifest offline by an irregular plural: such types are listed by kind")
        void offlineLimit() {
            ResourceType podMetrics = type("metrics.k8s.io", "v1beta1", "PodMetrics", "pods", true);
            AccessPolicy byPlural = AccessPolicy.withExtraRestrictions(List.of("pods.metrics.k8s.io"));
            AccessPolicy byKind = AccessPolicy.withExtraRestrictions(List.of("PodMetrics.metrics.k8s.io"));

            assertThat(byPlural.decide(podMetrics).isRestricted()).isTrue();
            assertThat(byPlural.decideManifest("metrics.k8s.io/v1beta1", "PodMetrics")
                            .isRestricted())
                    .as("documented limit")
                    .isFalse();
            assertThat(byKind.decideManifest("metrics.k8s.io/v1beta1", "PodMetrics")
                            .isRestricted())
                    .isTrue();
        }

        @Test
        @DisplayName("matches a plural path by an entry written as a kind with a regular plural")
        void matchesPathsByGuessedPlural() {
            AccessPolicy byKind = AccessPolicy.withExtraRestrictions(List.of("NetworkPolicy", "Ingress"));

            assertThat(byKind.decide("networking.k8s.io", "networkpolicies").isRestricted())
                    .isTrue();
            assertThat(byKind.decide("networking.k8s.io", "ingresses").isRestricted())
                    .isTrue();
            assertThat(policy.decide("", "leases").isRestricted()).isTrue();
        }

        @Test
        @DisplayName("recognises the operator's names without discovery")
        void restrictsByName() {
            assertThat(policy.decideByName(TypeReference.parse("sealedsecrets")).isRestricted())
                    .isTrue();
            assertThat(policy.decideByName(TypeReference.parse("sealedsecrets.bitnami.com")))
                    .isInstanceOfSatisfying(
                            PolicyDecision.Restricted.class,
                            restricted -> assertThat(restricted.subject()).isEqualTo("sealedsecrets.bitnami.com"));
            assertThat(policy.decideByName(TypeReference.parse("sealedsecrets.other.io"))
                            .isRestricted())
                    .isFalse();
            assertThat(policy.decideByName(TypeReference.parse("ConfigMap.v1")).isRestricted())
                    .isTrue();
            assertThat(policy.decideByName(TypeReference.parse("widgets.example.com"))
                            .isRestricted())
                    .isTrue();
        }

        @Test
        @DisplayName("offers entries with a group as known restricted types, not those without")
        void knownTypes() {
            assertThat(policy.knownRestrictedTypes())
                    .extracting(KnownRestrictedType::group)
                    .containsExactly(
                            "",
                            "",
                            "rbac.authorization.k8s.io",
                            "rbac.authorization.k8s.io",
                            "rbac.authorization.k8s.io",
                            "rbac.authorization.k8s.io",
                            "bitnami.com");
        }

        @Test
        @DisplayName("keeps the entries as configured, trimmed")
        void keepsEntries() {
            assertThat(policy.extraRestrictions())
                    .containsExactly("configmaps", "Lease", "sealedsecrets.bitnami.com", "*.Example.com");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "''|is empty",
                    "'  '|is empty",
                    "*|uses '*' other than as '*.<group>'",
                    "foo*|uses '*' other than as '*.<group>'",
                    "*.|does not name an API group after '*.'",
                    "*.bad_group|does not name an API group after '*.'",
                    "pods/log|has a '/' or a space",
                    "apps/v1 Deployment|has a '/' or a space",
                    "configmaps.v1|names a version; entries apply to every version, so drop v1",
                    "config_maps|is not a type name",
                })
        @DisplayName("refuses a malformed entry, naming it and the forms that work")
        void rejectsBadEntries(String entry, String problem) {
            assertThatThrownBy(() -> AccessPolicy.withExtraRestrictions(List.of("pods", entry)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(problem)
                    .hasMessageEndingWith("; write a plural (configmaps), a kind (ConfigMap), either with its group"
                            + " (sealedsecrets.bitnami.com), or *.<group> for a whole group (*.example.com).");
        }

        @Test
        @DisplayName("refuses a missing entry")
        void rejectsNullEntry() {
            assertThatThrownBy(() -> AccessPolicy.withExtraRestrictions(java.util.Arrays.asList("pods", null)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("The restricted-type entry (nothing) is empty");
        }
    }
}
