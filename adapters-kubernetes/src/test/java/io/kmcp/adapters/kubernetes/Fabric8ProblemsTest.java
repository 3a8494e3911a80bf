package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.adapters.kubernetes.testbed.ClusterPki;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("API server failures become problems that say what happened and what to do")
class Fabric8ProblemsTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.secret-token-value";
    private static final Caller CALLER = new Caller(
            "prod",
            "system:serviceaccount:team-a:agent",
            new BearerToken(TOKEN, Instant.parse("2099-01-01T00:00:00Z")));
    private static final ClusterConnection CLUSTER = ClusterConnection.https(
            "prod",
            URI.create("https://10.0.0.1:6443"),
            ClusterPki.generate("problems").caPem());

    private static ApiCall call(String verb, String resource, boolean namespaced, String namespace, String name) {
        return new ApiCall(
                CALLER, CLUSTER, verb, resource, namespaced, Optional.ofNullable(namespace), Optional.ofNullable(name));
    }

    private static Problem translate(KubernetesClientException e, ApiCall call) {
        RequestFailedException failure = Fabric8Problems.translate(e, call);
        assertThat(failure.getMessage()).isEqualTo(failure.problem().message());
        return failure.problem();
    }

    private static KubernetesClientException status(int code, Status status) {
        return new KubernetesClientException("Failure executing: GET at: https://10.0.0.1:6443/...", code, status);
    }

    @Test
    @DisplayName("403 names the subject, verb, group-qualified resource and namespace from the RBAC denial")
    void forbiddenInNamespace() {
        Status denial = new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("deployments.apps is forbidden: User \"system:serviceaccount:team-a:agent\" cannot list"
                        + " resource \"deployments\" in API group \"apps\" in the namespace \"shop\"")
                .build();

        Problem problem = translate(status(403, denial), call("list", "deployments.apps", true, "shop", null));

        assertThat(problem.reason()).isEqualTo(Reason.FORBIDDEN);
        assertThat(problem.message())
                .startsWith("RBAC denied: system:serviceaccount:team-a:agent cannot list deployments.apps in"
                        + " namespace shop; ask an administrator to grant it with a Role or ClusterRole bound in that"
                        + " namespace with a RoleBinding.");
    }

    @Test
    @DisplayName("403 across all namespaces says a cluster-wide binding is needed, or to name a namespace")
    void forbiddenClusterWide() {
        Status denial = new StatusBuilder()
                .withMessage("pods is forbidden: User \"system:serviceaccount:team-a:agent\" cannot list resource"
                        + " \"pods\" in API group \"\" at the cluster scope")
                .build();

        Problem problem = translate(status(403, denial), call("list", "pods", true, null, null));

        assertThat(problem.message())
                .contains("cannot list pods across all namespaces")
                .contains("ClusterRoleBinding")
                .contains("name a namespace");
    }

    @Test
    @DisplayName("403 on a cluster-scoped type says so, even though the API server reports a namespace")
    void forbiddenClusterScoped() {
        Status denial = new StatusBuilder()
                .withMessage("namespaces \"team-b\" is forbidden: User \"system:serviceaccount:team-a:agent\" cannot"
                        + " patch resource \"namespaces\" in API group \"\" in the namespace \"team-b\"")
                .build();

        Problem problem = translate(status(403, denial), call("patch", "namespaces", false, null, "team-b"));

        assertThat(problem.message())
                .startsWith("RBAC denied: system:serviceaccount:team-a:agent cannot patch namespaces (cluster-scoped);")
                .contains("ClusterRoleBinding");
    }

    @Test
    @DisplayName("403 without a recognisable message still names the request, and quotes the API server")
    void forbiddenOther() {
        Status denial =
                new StatusBuilder().withMessage("denied by webhook policy-x").build();

        Problem problem = translate(status(403, denial), call("patch", "configmaps", true, "shop", "settings"));

        assertThat(problem.reason()).isEqualTo(Reason.FORBIDDEN);
        assertThat(problem.message())
                .contains("system:serviceaccount:team-a:agent cannot patch configmaps in namespace shop")
                .contains("denied by webhook policy-x");
    }

    @Test
    @DisplayName("401 says the token was not accepted and to get a new one")
    void unauthorized() {
        Problem problem = translate(
                status(401, new StatusBuilder().withMessage("Unauthorized").build()),
                call("list", "pods", true, "a", null));

        assertThat(problem.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(problem.message()).contains("did not accept the token").contains("get a new service-account token");
    }

    @Test
    @DisplayName("404 on apply of an object in a missing namespace says to create the namespace first")
    void notFoundOnApply() {
        Status missing =
                new StatusBuilder().withMessage("namespaces \"shop\" not found").build();

        Problem problem = translate(status(404, missing), call("patch", "configmaps", true, "shop", "settings"));

        assertThat(problem.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(problem.message()).contains("configmaps shop/settings").contains("create the namespace first");
    }

    @Test
    @DisplayName("409 on apply names the other field manager and the fields, and says k-mcp never forces")
    void applyConflict() {
        Status conflict = new StatusBuilder()
                .withCode(409)
                .withReason("Conflict")
                .withMessage("Apply failed with 1 conflict: conflict with \"helm\" using v1: .data.mode")
                .withNewDetails()
                .addNewCause()
                .withReason("FieldManagerConflict")
                .withField(".data.mode")
                .withMessage("conflict with \"helm\" using v1")
                .endCause()
                .endDetails()
                .build();

        Problem problem = translate(status(409, conflict), call("patch", "configmaps", true, "shop", "settings"));

        assertThat(problem.reason()).isEqualTo(Reason.CONFLICT);
        assertThat(problem.message())
                .contains("configmaps shop/settings")
                .contains("the field .data.mode is owned by the field manager \"helm\"")
                .contains("never forces")
                .contains("coordinate with \"helm\"");
    }

    @Test
    @DisplayName("422 lists every cause with its field")
    void invalid() {
        Status invalid = new StatusBuilder()
                .withCode(422)
                .withMessage("Deployment.apps \"web\" is invalid")
                .withNewDetails()
                .addNewCause()
                .withField("spec.replicas")
                .withMessage("Invalid value: -1: must be greater than or equal to 0")
                .endCause()
                .addNewCause()
                .withField("spec.template.metadata.labels")
                .withMessage("Invalid value: map[]: `selector` does not match template `labels`")
                .endCause()
                .endDetails()
                .build();

        Problem problem = translate(status(422, invalid), call("patch", "deployments.apps", true, "shop", "web"));

        assertThat(problem.reason()).isEqualTo(Reason.INVALID_OBJECT);
        assertThat(problem.message())
                .contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0")
                .contains("spec.template.metadata.labels: Invalid value")
                .contains("Fix these fields");
    }

    @Test
    @DisplayName("400 is an invalid object on apply and an invalid argument (selector) on reads")
    void badRequest() {
        Status bad = new StatusBuilder()
                .withMessage("unable to parse requirement: found '!!'")
                .build();

        assertThat(translate(status(400, bad), call("patch", "configmaps", true, "a", "b"))
                        .reason())
                .isEqualTo(Reason.INVALID_OBJECT);
        Problem read = translate(status(400, bad), call("list", "configmaps", true, "a", null));
        assertThat(read.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(read.message()).contains("unable to parse requirement").contains("selector");
    }

    @Test
    @DisplayName("a malformed or expired continue token says to pass it unchanged or start again")
    void continueTokens() {
        Status malformed = new StatusBuilder()
                .withMessage("invalid continue token: illegal base64 data")
                .build();
        Status expired = new StatusBuilder()
                .withMessage("The provided continue parameter is too old to display a consistent list result.")
                .build();

        Problem bad = translate(status(400, malformed), call("list", "pods", true, "a", null));
        Problem gone = translate(status(410, expired), call("list", "pods", true, "a", null));

        assertThat(bad.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(bad.message()).contains("continue token of the previous page unchanged");
        assertThat(gone.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(gone.message()).contains("expired").contains("first page");
    }

    @Test
    @DisplayName("5xx, 429, timeouts, refused connections and TLS failures are UNAVAILABLE with a hint")
    void unavailable() {
        ApiCall list = call("list", "pods", true, "a", null);

        Problem serverError = translate(
                status(503, new StatusBuilder().withMessage("etcd down").build()), list);
        Problem tooMany = translate(status(429, null), list);
        Problem timeout = translate(
                new KubernetesClientException("timed out", new HttpTimeoutException("request timed out")), list);
        Problem refused =
                translate(new KubernetesClientException("io", new ConnectException("Connection refused")), list);
        Problem tls = translate(
                new KubernetesClientException("io", new SSLHandshakeException("PKIX path building failed")), list);

        assertThat(java.util.List.of(serverError, tooMany, timeout, refused, tls))
                .extracting(Problem::reason)
                .containsOnly(Reason.UNAVAILABLE);
        assertThat(serverError.message()).contains("503").contains("etcd down");
        assertThat(tooMany.message()).contains("retry in a few seconds");
        assertThat(timeout.message()).contains("did not answer within 30 s");
        assertThat(refused.message()).contains("Cannot connect").contains("https://10.0.0.1:6443");
        assertThat(tls.message()).contains("TLS handshake").contains("cluster CA and TLS server name");
    }

    @Test
    @DisplayName("the caller's token never appears in a problem, even if the API server echoed it")
    void tokenIsScrubbed() {
        Status echo = new StatusBuilder()
                .withMessage("bad token " + TOKEN + " rejected")
                .build();

        Problem problem = translate(status(500, echo), call("get", "pods", true, "a", "b"));

        assertThat(problem.message()).doesNotContain(TOKEN).contains("[redacted token]");
    }
}
