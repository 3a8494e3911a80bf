package io.kmcp.domain.diagnosis.rules.containers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the kubelet says when a container's configuration names something that is not there: a
 * ConfigMap or Secret (configmap "settings" not found), or a key of one (couldn't find key LEVEL in
 * ConfigMap shop/settings). A Secret is named, never read.
 */
final class ConfigReference {

    private static final Pattern MISSING_OBJECT = Pattern.compile(
            "(configmap|secret|persistentvolumeclaim) \"([^\"]+)\" not found", Pattern.CASE_INSENSITIVE);

    private static final Pattern MISSING_KEY =
            Pattern.compile("couldn't find key (\\S+) in (ConfigMap|Secret) (\\S+)", Pattern.CASE_INSENSITIVE);

    private ConfigReference() {}

    /** The next step for a message that names a missing object or key, if it does. */
    static Optional<String> advice(String message) {
        Matcher key = MISSING_KEY.matcher(message);
        if (key.find()) {
            String kind = key.group(2);
            return Optional.of("add the key " + key.group(1) + " to the " + kind + " " + key.group(3)
                    + ", or fix the key the container refers to");
        }
        Matcher object = MISSING_OBJECT.matcher(message);
        if (object.find()) {
            String kind = switch (object.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "configmap" -> "ConfigMap";
                case "secret" -> "Secret";
                default -> "PersistentVolumeClaim";
            };
            return Optional.of("create the " + kind + " " + object.group(2)
                    + " in the pod's namespace, or fix the name the pod refers to");
        }
        return Optional.empty();
    }
}
