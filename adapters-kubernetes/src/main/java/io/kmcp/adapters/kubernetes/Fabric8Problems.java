package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * The one place where the API server's refusals become {@link Problem}s an agent can act on: what
 * was refused, why, and what to do next. Messages are built from the request and the API server's
 * Status, never from the request's headers, and the caller's token is scrubbed from anything quoted.
 */
final class Fabric8Problems {

    // kube-apiserver's RBAC denial: User "system:serviceaccount:a:b" cannot list resource "pods" in API group ""
    // in the namespace "shop"
    private static final Pattern RBAC_DENIAL = Pattern.compile("User \"([^\"]+)\" cannot (\\S+) resource \"([^\"]+)\""
            + "(?: in API group \"([^\"]*)\")?(?: in the namespace \"([^\"]+)\")?");
    // Server-side apply: conflict with "kubectl-client-side-apply" using v1: .data.key
    private static final Pattern FIELD_MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");
    private static final int MAX_CAUSES = 20;
    private static final int MIN_SCRUBBED_TOKEN_LENGTH = 16;

    private Fabric8Problems() {}

    static RequestFailedException translate(KubernetesClientException e, ApiCall call) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof NoDeleteInterceptor.DeletionRefusedException refused) {
                // A defect of k-mcp, not a refusal of the API server: it must surface as one, not as "unavailable".
                throw refused;
            }
        }
        Problem problem = problemFor(e, call);
        String token = call.caller().token().reveal();
        // Real tokens are hundreds of characters; scrubbing a short test value would shred the message instead.
        String scrubbed = token.length() >= MIN_SCRUBBED_TOKEN_LENGTH
                ? problem.message().replace(token, "[redacted token]")
                : problem.message();
        // The fabric8 exception stays out as the cause: its message holds the request URL and may quote the body.
        return new RequestFailedException(new Problem(problem.reason(), scrubbed));
    }

    private static Problem problemFor(KubernetesClientException e, ApiCall call) {
        int code = e.getCode();
        return switch (code) {
            case 400 -> badRequest(e, call);
            case 401 -> unauthorized(call);
            case 403 -> forbidden(e, call);
            case 404 -> notFound(e, call);
            case 409 -> conflict(e, call);
            case 410 ->
                new Problem(
                        Reason.INVALID_ARGUMENT,
                        "The continue token has expired (the API server keeps them only a few minutes); list again from"
                                + " the first page, without a continue token.");
            case 422 -> invalid(e, call);
            case 429 ->
                new Problem(
                        Reason.UNAVAILABLE,
                        "The API server of cluster " + call.cluster().name()
                                + " is rate-limiting requests (429 Too Many Requests); retry in a few seconds.");
            default -> code >= 500 ? serverError(e, call) : transportFailure(e, call);
        };
    }

    private static Problem unauthorized(ApiCall call) {
        return new Problem(
                Reason.UNAUTHORIZED,
                "The API server of cluster " + call.cluster().name() + " did not accept the token of "
                        + call.caller().subject()
                        + " (401: expired, revoked, or not issued for this API server); get a new service-account"
                        + " token whose audience includes the API server, and retry.");
    }

    private static Problem forbidden(KubernetesClientException e, ApiCall call) {
        String statusMessage = statusMessage(e).orElse("");
        Matcher denial = RBAC_DENIAL.matcher(statusMessage);
        String subject = call.caller().subject();
        String verb = call.verb();
        String resource = call.resource();
        String where = call.where();
        boolean understood = denial.find();
        if (understood) {
            subject = denial.group(1);
            verb = denial.group(2);
            String group = denial.group(4);
            resource = group == null || group.isEmpty() ? denial.group(3) : denial.group(3) + "." + group;
            // For a cluster-scoped type the API server names the object itself as the namespace (namespaces/x).
            if (denial.group(5) != null && call.namespaced()) {
                where = "in namespace " + denial.group(5);
            }
        }
        String binding = where.startsWith("in namespace")
                ? "a Role or ClusterRole bound in that namespace with a RoleBinding"
                : "a ClusterRole bound with a ClusterRoleBinding";
        StringBuilder message = new StringBuilder()
                .append("RBAC denied: ")
                .append(subject)
                .append(" cannot ")
                .append(verb)
                .append(' ')
                .append(resource)
                .append(' ')
                .append(where)
                .append("; ask an administrator to grant it with ")
                .append(binding)
                .append('.');
        if (where.equals("across all namespaces")) {
            message.append(" Or name a namespace you have access to.");
        }
        if (!statusMessage.isEmpty() && !understood) {
            message.append(" The API server said: ").append(statusMessage);
        }
        return new Problem(Reason.FORBIDDEN, message.toString());
    }

    private static Problem notFound(KubernetesClientException e, ApiCall call) {
        String said =
                statusMessage(e).map(m -> " (the API server said: " + m + ")").orElse("");
        if (call.verb().equals("list")) {
            return new Problem(
                    Reason.NOT_FOUND,
                    "The API server of cluster " + call.cluster().name() + " does not serve " + call.resource() + said
                            + "; the type may have been removed: list the resource types again.");
        }
        if (call.verb().equals("patch")) {
            String hint = statusMessage(e)
                    .filter(m -> m.startsWith("namespaces "))
                    .map(m -> "; create the namespace first (a Namespace document before the objects in it),"
                            + " or fix metadata.namespace.")
                    .orElse("; check the apiVersion, kind and namespace of the document.");
            return new Problem(Reason.NOT_FOUND, "Cannot apply " + call.object() + said + hint);
        }
        return new Problem(Reason.NOT_FOUND, call.object() + " " + call.where() + " was not found" + said + ".");
    }

    private static Problem conflict(KubernetesClientException e, ApiCall call) {
        List<StatusCause> causes = causes(e);
        Set<String> managers = new LinkedHashSet<>();
        List<String> fields = new ArrayList<>();
        for (StatusCause cause : causes) {
            Matcher manager = FIELD_MANAGER.matcher(nullToEmpty(cause.getMessage()));
            if (manager.find()) {
                managers.add(manager.group(1));
                fields.add(fieldOf(cause));
            }
        }
        if (managers.isEmpty()) {
            return new Problem(
                    Reason.CONFLICT,
                    "Conflict on " + call.object() + ": " + statusMessage(e).orElse("the object changed meanwhile")
                            + ". Read the object again and retry.");
        }
        String owners = managers.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(", "));
        return new Problem(
                Reason.CONFLICT,
                "Apply conflict on " + call.object() + ": " + limited(fields) + " "
                        + (fields.size() == 1 ? "is" : "are") + " owned by the field manager" + plural(managers.size())
                        + " " + owners + ". k-mcp never forces ownership: change only the fields k-mcp manages"
                        + " (leave these out of the manifest or keep their current values), or coordinate with "
                        + owners + " to hand them over.");
    }

    private static Problem invalid(KubernetesClientException e, ApiCall call) {
        List<String> problems = new ArrayList<>();
        for (StatusCause cause : causes(e)) {
            String field = fieldOf(cause);
            String message = nullToEmpty(cause.getMessage());
            problems.add(field.isEmpty() ? message : field + ": " + message);
        }
        String listed = problems.isEmpty()
                ? statusMessage(e).orElse("no details given")
                : String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_CAUSES)));
        return new Problem(
                Reason.INVALID_OBJECT,
                "The API server rejected " + call.object() + " as invalid: " + listed
                        + ". Fix these fields and apply again.");
    }

    private static Problem badRequest(KubernetesClientException e, ApiCall call) {
        String said = statusMessage(e).orElse("bad request");
        if (call.verb().equals("patch")) {
            // Strict field validation answers unknown or duplicate fields with 400.
            return unknownFields(call, said);
        }
        String hint = said.contains("continue")
                ? "Pass the continue token of the previous page unchanged, or leave it out to start from the first"
                        + " page."
                : "Check the label and field selectors (e.g. app=web,tier in (frontend) and status.phase=Running;"
                        + " field selectors support only some fields per type).";
        return new Problem(
                Reason.INVALID_ARGUMENT,
                "The API server rejected the request for " + call.object() + ": " + said + ". " + hint);
    }

    private static Problem unknownFields(ApiCall call, String said) {
        return new Problem(
                Reason.INVALID_OBJECT,
                "The API server rejected " + call.object() + ": " + said
                        + ". Fix the manifest (unknown fields are typos or belong to another apiVersion) and apply"
                        + " again.");
    }

    private static Problem serverError(KubernetesClientException e, ApiCall call) {
        Optional<String> said = statusMessage(e);
        if (call.verb().equals("patch")
                && said.filter(m -> m.contains("failed to create typed patch object"))
                        .isPresent()) {
            // Server-side apply answers a field the schema does not know with 500, though the manifest is at fault.
            return unknownFields(call, said.get());
        }
        return new Problem(
                Reason.UNAVAILABLE,
                "The API server of cluster " + call.cluster().name() + " failed to " + call.verb() + " "
                        + call.object() + " (" + e.getCode()
                        + statusMessage(e).map(m -> ": " + m).orElse("")
                        + "); retry later, and tell an administrator if it persists.");
    }

    private static Problem transportFailure(KubernetesClientException e, ApiCall call) {
        String cluster = call.cluster().name();
        String url = call.cluster().masterUrl();
        if (hasCause(e, SSLException.class) || hasCause(e, CertificateException.class)) {
            return new Problem(
                    Reason.UNAVAILABLE,
                    "The TLS handshake with the API server of cluster " + cluster + " at " + url + " failed ("
                            + rootMessage(e) + "); check the cluster CA and TLS server name configured for it.");
        }
        if (hasCause(e, HttpTimeoutException.class)
                || hasCause(e, TimeoutException.class)
                || hasCause(e, KubernetesClientTimeoutException.class)) {
            return new Problem(
                    Reason.UNAVAILABLE,
                    "The API server of cluster " + cluster + " did not answer within "
                            + readable(call.cluster().requestTimeout()) + "; retry later, or narrow the request"
                            + " (a namespace, a selector, a smaller limit).");
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)) {
            return new Problem(
                    Reason.UNAVAILABLE,
                    "Cannot connect to the API server of cluster " + cluster + " at " + url + " (" + rootMessage(e)
                            + "); retry later, and tell an administrator if it persists.");
        }
        if (hasCause(e, IOException.class)) {
            return new Problem(
                    Reason.UNAVAILABLE,
                    "The connection to the API server of cluster " + cluster + " failed (" + rootMessage(e)
                            + "); retry later.");
        }
        return new Problem(
                Reason.UNAVAILABLE,
                "The request to the API server of cluster " + cluster + " failed"
                        + (e.getCode() > 0 ? " with " + e.getCode() : "")
                        + statusMessage(e).map(m -> ": " + m).orElse("") + "; retry later.");
    }

    private static Optional<String> statusMessage(KubernetesClientException e) {
        return Optional.ofNullable(e.getStatus())
                .map(Status::getMessage)
                .map(String::strip)
                .filter(message -> !message.isEmpty());
    }

    private static List<StatusCause> causes(KubernetesClientException e) {
        return Optional.ofNullable(e.getStatus())
                .map(Status::getDetails)
                .map(StatusDetails::getCauses)
                .orElse(List.of());
    }

    private static String fieldOf(StatusCause cause) {
        return nullToEmpty(cause.getField());
    }

    private static String limited(List<String> fields) {
        List<String> shown = fields.subList(0, Math.min(fields.size(), MAX_CAUSES));
        String more = fields.size() > shown.size() ? " and " + (fields.size() - shown.size()) + " more" : "";
        return (fields.size() == 1 ? "the field " : "the fields ") + String.join(", ", shown) + more;
    }

    private static String readable(java.time.Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
