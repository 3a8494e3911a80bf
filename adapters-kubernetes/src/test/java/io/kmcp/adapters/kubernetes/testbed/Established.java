package io.kmcp.adapters.kubernetes.testbed;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.List;

/**
 * Whether a CustomResourceDefinition is served. Right after it is created the API server has not
 * written its status yet: the status, or its conditions, may be missing, which means "not yet", never
 * an error to throw from inside a wait.
 */
public final class Established {

    private Established() {}

    public static boolean of(CustomResourceDefinition definition) {
        if (definition == null || definition.getStatus() == null) {
            return false;
        }
        List<io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition> conditions =
                definition.getStatus().getConditions();
        return conditions != null
                && conditions.stream()
                        .anyMatch(condition ->
                                "Established".equals(condition.getType()) && "True".equals(condition.getStatus()));
    }
}
