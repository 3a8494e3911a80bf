package io.kmcp.acceptance.driver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.adapters.kubernetes.testbed.Established;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator does on the cluster with an administrator's credential, before and after agents
 * act: namespaces, service accounts, RBAC, tokens through the TokenRequest API, objects owned by other
 * field managers, CRDs. None of it goes through k-mcp.
 */
public final class ClusterAdmin {

    private static final Duration RBAC_PROPAGATION = Duration.ofSeconds(15);

    private final KubernetesClient client;
    private final TestBedAccess access;
    private final String issuer;

    ClusterAdmin(KubernetesClient client, String issuer) {
        this.client = client;
        this.access = new TestBedAccess(client);
        this.issuer = issuer;
    }

    public void namespace(String name) {
        access.namespace(name);
    }

    public boolean namespaceExists(String name) {
        return client.namespaces().withName(name).get() != null;
    }

    public ServiceAccount serviceAccount(String namespace, String name) {
        access.serviceAccount(namespace, name);
        return new ServiceAccount(namespace, name);
    }

    /** A ClusterRole of the given rules, replacing any of that name. */
    public void clusterRole(String name, List<PolicyRule> rules) {
        client.rbac()
                .clusterRoles()
                .resource(new ClusterRoleBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withRules(rules)
                        .build())
                .serverSideApply();
    }

    public static PolicyRule rule(String apiGroup, String resource, List<String> verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups(apiGroup)
                .withResources(resource)
                .withVerbs(verbs)
                .build();
    }

    public void grantClusterWide(ServiceAccount account, String clusterRole) {
        access.grantClusterWide(account.ref(), clusterRole);
    }

    public void grantInNamespace(ServiceAccount account, String namespace, String clusterRole) {
        access.grantInNamespace(account.ref(), namespace, clusterRole);
    }

    /**
     * Lets anyone read the issuer's discovery document and keys, so that k-mcp, which holds no
     * credential, can verify tokens (as managed clusters commonly allow).
     */
    public void allowAnonymousIssuerDiscovery() {
        access.allowAnonymousIssuerDiscovery();
    }

    /**
     * Waits until the authoriser lets the account do {@code verb} on the resource: RBAC objects reach it
     * through an informer, a moment after they are written.
     *
     * @param namespace empty for a cluster-wide request
     */
    public void awaitAllowed(
            ServiceAccount account, String verb, String group, String resource, Optional<String> namespace) {
        long deadline = System.nanoTime() + RBAC_PROPAGATION.toNanos();
        while (true) {
            SubjectAccessReview review = client.authorization()
                    .v1()
                    .subjectAccessReview()
                    .create(new SubjectAccessReviewBuilder()
                            .withNewSpec()
                            .withUser(account.username())
                            .withGroups(
                                    "system:serviceaccounts",
                                    "system:serviceaccounts:" + account.namespace(),
                                    "system:authenticated")
                            .withNewResourceAttributes()
                            .withVerb(verb)
                            .withGroup(group)
                            .withResource(resource)
                            .withNamespace(namespace.orElse(null))
                            .endResourceAttributes()
                            .endSpec()
                            .build());
            if (Boolean.TRUE.equals(review.getStatus().getAllowed())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(account.username() + " still may not " + verb + " " + resource
                        + namespace.map(ns -> " in " + ns).orElse("") + " after " + RBAC_PROPAGATION);
            }
            Pause.briefly();
        }
    }

    /** A bound service-account token with these audiences, minted by the cluster. */
    public String mintToken(ServiceAccount account, List<String> audiences, Duration lifetime) {
        return access.mintToken(account.ref(), audiences, lifetime);
    }

    public String issuer() {
        return issuer;
    }

    /** Writes a config map's data as the given field manager, which then owns those fields. */
    public void configMap(
            String namespace, String name, Map<String, String> labels, Map<String, String> data, String fieldManager) {
        client.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .withLabels(labels)
                        .endMetadata()
                        .withData(data)
                        .build())
                .fieldManager(fieldManager)
                .serverSideApply();
    }

    public Optional<ConfigMap> findConfigMap(String namespace, String name) {
        return Optional.ofNullable(
                client.configMaps().inNamespace(namespace).withName(name).get());
    }

    /** Annotates a config map the way {@code kubectl apply} (client-side) leaves it. */
    public void annotate(String namespace, String name, String key, String value) {
        client.configMaps()
                .inNamespace(namespace)
                .withName(name)
                .edit(configMap -> new ConfigMapBuilder(configMap)
                        .editMetadata()
                        .addToAnnotations(key, value)
                        .endMetadata()
                        .build());
    }

    public void secret(String namespace, String name, Map<String, String> data) {
        client.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withStringData(data)
                        .build())
                .serverSideApply();
    }

    /** Installs a namespaced custom resource type with a schema that keeps any field, and waits until it is served. */
    public void customResourceDefinition(String group, String kind, String plural, List<String> shortNames) {
        access.customResourceDefinition(group, kind, plural, shortNames);
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(plural + "." + group)
                .waitUntilCondition(Established::of, 30, java.util.concurrent.TimeUnit.SECONDS);
        // Established is not yet served: discovery, which k-mcp resolves names against, follows a moment later.
        long deadline = System.nanoTime() + RBAC_PROPAGATION.toNanos();
        while (!served(group + "/v1", plural)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(plural + "." + group + " is not in the API server's discovery");
            }
            Pause.briefly();
        }
    }

    public boolean servesGroup(String group) {
        return client.getApiGroups().getGroups().stream()
                .anyMatch(served -> served.getName().equals(group));
    }

    private boolean served(String groupVersion, String plural) {
        try {
            var resources = client.getApiResources(groupVersion);
            return resources != null
                    && resources.getResources().stream()
                            .anyMatch(resource -> resource.getName().equals(plural));
        } catch (io.fabric8.kubernetes.client.KubernetesClientException notYet) {
            return false;
        }
    }

    /** A service account of the cluster, as RBAC and tokens name it. */
    public record ServiceAccount(String namespace, String name) {
        public String username() {
            return ref().username();
        }

        TestBedAccess.ServiceAccountRef ref() {
            return new TestBedAccess.ServiceAccountRef(namespace, name);
        }
    }
}
