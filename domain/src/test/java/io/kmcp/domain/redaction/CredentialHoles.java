package io.kmcp.domain.redaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kubernetes objects where credentials hide, built as the reading ports return them. */
final class CredentialHoles {

    private CredentialHoles() {}

    static Map<String, Object> deployment(
            Map<String, String> annotations, List<Map<String, String>> env, List<String> args) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "web");
        container.put("image", "nginx:1.27");
        if (!env.isEmpty()) {
            container.put("env", env);
        }
        if (!args.isEmpty()) {
            container.put("args", args);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "web");
        metadata.put("namespace", "shop");
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        return Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                metadata,
                "spec",
                Map.of("template", Map.of("spec", Map.of("containers", List.of(container)))));
    }

    static Map<String, Object> configMap(Map<String, String> data) {
        return Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of("name", "settings", "namespace", "shop"),
                "data",
                data);
    }
}
