package io.kmcp.domain.diagnosis;

import java.util.Map;
import java.util.stream.Collectors;

/** Labels written the way a label selector reads. */
public final class Labels {

    private Labels() {}

    /** "app=shop,tier=web": sorted by key, so the same labels always read the same. */
    public static String selector(Map<String, String> labels) {
        return labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(","));
    }
}
