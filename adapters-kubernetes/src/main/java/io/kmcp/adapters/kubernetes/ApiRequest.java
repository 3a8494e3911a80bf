package io.kmcp.adapters.kubernetes;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one HTTP request to an API server does, in Kubernetes' words and without any object's name:
 * the verb ({@code get}, {@code list}, {@code watch}, {@code create}, {@code update}, {@code patch},
 * {@code delete}, {@code deletecollection}, {@code discovery} for the non-resource paths, {@code
 * other}) and the resource ({@code pods}, {@code deployments.apps}, {@code pods/log}, or empty),
 * read from the method and the path the way the API server reads them.
 *
 * @param verb one of a few fixed words, fit for a metric label
 * @param resource plural, group and subresource; bounded by the cluster's types, fit for a span
 */
public record ApiRequest(String verb, String resource) {

    public ApiRequest {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(resource, "resource");
    }

    public static ApiRequest of(String method, URI uri) {
        String httpMethod = method == null ? "" : method.toUpperCase(Locale.ROOT);
        String path = uri == null || uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> segments = Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList();
        int prefix;
        String group;
        if (!segments.isEmpty() && segments.get(0).equals("api")) {
            prefix = 2;
            group = "";
        } else if (!segments.isEmpty() && segments.get(0).equals("apis")) {
            prefix = 3;
            group = segments.size() > 1 ? segments.get(1) : "";
        } else {
            return nonResource(httpMethod);
        }
        if (segments.size() <= prefix) {
            return nonResource(httpMethod);
        }
        List<String> rest = segments.subList(prefix, segments.size());
        boolean watchPath = rest.get(0).equals("watch");
        if (watchPath) {
            rest = rest.subList(1, rest.size());
        }
        // namespaces/NS/pods/... is a namespaced resource; namespaces and namespaces/NS are the namespaces.
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty()) {
            return nonResource(httpMethod);
        }
        boolean named = rest.size() >= 2;
        String resource =
                rest.get(0) + (group.isEmpty() ? "" : "." + group) + (rest.size() >= 3 ? "/" + rest.get(2) : "");
        String verb = switch (httpMethod) {
            case "GET", "HEAD" -> watchPath || watchQuery(uri) ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> "other";
        };
        return new ApiRequest(verb, resource);
    }

    private static ApiRequest nonResource(String httpMethod) {
        return new ApiRequest(httpMethod.equals("GET") || httpMethod.equals("HEAD") ? "discovery" : "other", "");
    }

    private static boolean watchQuery(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return false;
        }
        return Arrays.stream(query.split("&")).anyMatch(pair -> pair.equals("watch=true") || pair.equals("watch=1"));
    }
}
