package io.kmcp.domain.resolution;

import io.kmcp.domain.Texts;
import io.kmcp.domain.policy.PolicyDecision;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of looking a {@link TypeReference} up: exactly one type, or a reason there is none
 * that an agent can act on ({@link #message()}).
 */
public sealed interface Resolution {

    TypeReference reference();

    /** One or two sentences for the caller: what happened and what to send next. */
    String message();

    /** The reference names exactly this type. */
    record Resolved(TypeReference reference, ResourceType type) implements Resolution {
        public Resolved {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String message() {
            return Texts.quote(reference.toString()) + " is " + type.fullyQualifiedName() + ".";
        }
    }

    /** The reference names several types and nothing makes one of them the obvious choice. */
    record Ambiguous(TypeReference reference, List<ResourceType> candidates) implements Resolution {
        public Ambiguous {
            Objects.requireNonNull(reference, "reference");
            candidates = List.copyOf(candidates);
            if (candidates.size() < 2) {
                throw new IllegalArgumentException("an ambiguity needs two candidates or more: " + candidates);
            }
        }

        @Override
        public String message() {
            return Texts.quote(reference.toString()) + " matches several resource types: "
                    + fullyQualified(candidates)
                    + ". Repeat the request with one of these fully-qualified names.";
        }
    }

    /**
     * No type has that name. The suggestions are near misses (never restricted types), fully
     * qualified, closest first.
     */
    record NotFound(TypeReference reference, List<ResourceType> suggestions) implements Resolution {
        public NotFound {
            Objects.requireNonNull(reference, "reference");
            suggestions = List.copyOf(suggestions);
        }

        @Override
        public String message() {
            String missing = "No resource type on this cluster matches " + Texts.quote(reference.toString()) + ".";
            if (suggestions.isEmpty()) {
                return missing + " Check the spelling, or list the resource types this cluster serves; a custom"
                        + " resource also needs its CustomResourceDefinition installed.";
            }
            String question = suggestions.size() == 1
                    ? " Did you mean " + suggestions.get(0).fullyQualifiedName() + "?"
                    : " Did you mean one of these: " + fullyQualified(suggestions) + "?";
            return missing + question + " Repeat the request with the name you meant.";
        }
    }

    /**
     * The reference means a type the policy restricts. The alternatives are unrestricted types of
     * the same name in other groups, for the case where the caller meant one of those.
     */
    record Restricted(TypeReference reference, PolicyDecision.Restricted decision, List<ResourceType> alternatives)
            implements Resolution {
        public Restricted {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(decision, "decision");
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public String message() {
            if (alternatives.isEmpty()) {
                return decision.reason();
            }
            return decision.reason() + " If you meant another type of that name, which is not restricted, name it"
                    + " fully qualified: " + fullyQualified(alternatives) + ".";
        }
    }

    private static String fullyQualified(List<ResourceType> types) {
        return types.stream().map(ResourceType::fullyQualifiedName).collect(Collectors.joining(", "));
    }
}
