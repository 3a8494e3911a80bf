package io.kmcp.adapters.kubernetes.testbed;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What tests set up on a test cluster with the administrator's credential: namespaces, service
 * accounts, RBAC grants, custom resource types and service-account tokens minted through the
 * TokenRequest API.
 */
public final class TestBedAccess {

    private final KubernetesClient admin;

    /** Set-up through any administrator's client: a local control plane's, or an existing cluster's. */
    public TestBedAccess(KubernetesClient admin) {
        this.admin = admin;
    }

    public TestBedAccess namespace(String name) {
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .serverSideApply();
        return this;
    }

    public ServiceAccountRef serviceAccount(String namespace, String name) {
        namespace(namespace);
        admin.serviceAccounts()
                .inNamespace(namespace)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .build())
                .serverSideApply();
        return new ServiceAccountRef(namespace, name);
    }

    /** Creates (or updates) a ClusterRole allowing {@code verbs} on {@code resources} of one API group. */
    public TestBedAccess clusterRole(String name, String apiGroup, List<String> resources, List<String> verbs) {
        admin.rbac()
                .clusterRoles()
                .resource(new ClusterRoleBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withRules(new PolicyRuleBuilder()
                                .withApiGroups(apiGroup)
                                .withResources(resources)
                                .withVerbs(verbs)
                                .build())
                        .build())
                .serverSideApply();
        return this;
    }

    /** Grants a ClusterRole to the service account across the cluster. */
    public TestBedAccess grantClusterWide(ServiceAccountRef account, String clusterRole) {
        admin.rbac()
                .clusterRoleBindings()
                .resource(new ClusterRoleBindingBuilder()
                        .withNewMetadata()
                        .withName(account.namespace() + "-" + account.name() + "-" + clusterRole)
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRole)
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withNamespace(account.namespace())
                        .withName(account.name())
                        .endSubject()
                        .build())
                .serverSideApply();
        return this;
    }

    /** Grants a ClusterRole to the service account inside one namespace only. */
    public TestBedAccess grantInNamespace(ServiceAccountRef account, String namespace, String clusterRole) {
        namespace(namespace);
        admin.rbac()
                .roleBindings()
                .inNamespace(namespace)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName(account.namespace() + "-" + account.name() + "-" + clusterRole)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRole)
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withNamespace(account.namespace())
                        .withName(account.name())
                        .endSubject()
                        .build())
                .serverSideApply();
        return this;
    }

    /**
     * Lets unauthenticated clients read the issuer's OIDC discovery document and keys, as managed
     * clusters commonly do, so a relying party can verify tokens without a credential of its own.
     */
    public TestBedAccess allowAnonymousIssuerDiscovery() {
        admin.rbac()
                .clusterRoleBindings()
                .resource(new ClusterRoleBindingBuilder()
                        .withNewMetadata()
                        .withName("k-mcp-test-anonymous-issuer-discovery")
                        .endMetadata()
                        .withNewRoleRef(
                                "rbac.authorization.k8s.io", "ClusterRole", "system:service-account-issuer-discovery")
                        .addNewSubject()
                        .withKind("Group")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withName("system:unauthenticated")
                        .endSubject()
                        .build())
                .serverSideApply();
        return this;
    }

    /**
     * Installs a namespaced custom resource type, version {@code v1}, whose schema keeps any field. The
     * API server serves it a moment later.
     */
    public TestBedAccess customResourceDefinition(String group, String kind, String plural, List<String> shortNames) {
        admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(new CustomResourceDefinitionBuilder()
                        .withNewMetadata()
                        .withName(plural + "." + group)
                        .endMetadata()
                        .withNewSpec()
                        .withGroup(group)
                        .withScope("Namespaced")
                        .withNewNames()
                        .withKind(kind)
                        .withPlural(plural)
                        .withSingular(kind.toLowerCase(Locale.ROOT))
                        .withShortNames(shortNames)
                        .endNames()
                        .addNewVersion()
                        .withName("v1")
                        .withServed(true)
                        .withStorage(true)
                        .withNewSchema()
                        .withNewOpenAPIV3Schema()
                        .withType("object")
                        .withXKubernetesPreserveUnknownFields(true)
                        .endOpenAPIV3Schema()
                        .endSchema()
                        .endVersion()
                        .endSpec()
                        .build())
                .serverSideApply();
        return this;
    }

    /** Mints a bound service-account token through the TokenRequest API. */
    public String mintToken(ServiceAccountRef account, List<String> audiences, Duration lifetime) {
        TokenRequest request = new TokenRequestBuilder()
                .withNewSpec()
                .withAudiences(audiences)
                .withExpirationSeconds(lifetime.toSeconds())
                .endSpec()
                .build();
        return admin.serviceAccounts()
                .inNamespace(account.namespace())
                .withName(account.name())
                .tokenRequest(request)
                .getStatus()
                .getToken();
    }

    /** A service account of the test cluster. */
    public record ServiceAccountRef(String namespace, String name) {
        public String username() {
            return "system:serviceaccount:" + namespace + ":" + name;
        }
    }
}
