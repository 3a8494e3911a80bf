package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.ResourceTypesQuery;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code resource_types}: the types the caller can use, so that an agent never guesses an apiVersion. */
public final class ResourceTypesTool {

    static final String NAME = "resource_types";

    private static final String DESCRIPTION = """
            Show the resource types the cluster serves and this server allows (like kubectl api-resources): \
            name, short names, apiVersion, scope, kind and verbs. Use it to find the right name or apiVersion \
            of a type, including custom resources, before calling resource_list, resource_get or applying a \
            manifest. Restricted types (%s) are not shown.""";

    static final Argument<Optional<String>> GROUP = Argument.text(
            "group",
            Limits.GROUP,
            "Only types of this API group, e.g. apps or networking.k8s.io; core for the core group (v1).");
    static final Argument<Optional<Boolean>> NAMESPACED = Argument.flag(
            "namespaced", "true for namespaced types only, false for cluster-scoped types only; leave out for both.");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "types": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "resource": {"type": "string", "description": "The fully-qualified name, e.g. deployments.v1.apps."},
                      "name": {"type": "string", "description": "The plural, as in URLs and RBAC rules."},
                      "singular": {"type": "string"},
                      "shortNames": {"type": "array", "items": {"type": "string"}},
                      "kind": {"type": "string"},
                      "group": {"type": "string", "description": "Empty for the core group."},
                      "version": {"type": "string"},
                      "apiVersion": {"type": "string", "description": "The apiVersion of a manifest of this type."},
                      "namespaced": {"type": "boolean"},
                      "verbs": {"type": "array", "items": {"type": "string"}}
                    },
                    "required": ["resource", "name", "kind", "group", "version", "apiVersion", "namespaced", "verbs"],
                    "additionalProperties": false
                  }
                }
              },
              "required": ["types"],
              "additionalProperties": false
            }
            """;

    private final DescribeResourceTypes describeResourceTypes;
    private final AccessPolicy policy;

    public ResourceTypesTool(DescribeResourceTypes describeResourceTypes) {
        this(describeResourceTypes, AccessPolicy.builtIn());
    }

    /** @param policy what the description says is restricted */
    public ResourceTypesTool(DescribeResourceTypes describeResourceTypes, AccessPolicy policy) {
        this.describeResourceTypes = Objects.requireNonNull(describeResourceTypes, "describeResourceTypes");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "Show Kubernetes resource types",
                DESCRIPTION.formatted(policy.inWords()),
                ToolDeclaration.Effect.READS,
                List.of(GROUP, NAMESPACED),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        ResourceTypesQuery query = new ResourceTypesQuery(arguments.get(GROUP), arguments.get(NAMESPACED));
        CharBudget budget = arguments.budget();
        List<ResourceType> types = describeResourceTypes.describe(caller, query);
        return ToolAnswer.success(
                text(types, budget).text(),
                Map.of("types", types.stream().map(ResourceTypesTool::describe).toList()));
    }

    static Rendered text(List<ResourceType> types, CharBudget budget) {
        if (types.isEmpty()) {
            return new Budgets()
                    .section("", Budgets.HEADLINE, List.of("No resource types match."), "")
                    .render(budget);
        }
        Table table = new Table(List.of("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS"));
        for (ResourceType type : types) {
            table.add(List.of(
                    type.plural(),
                    type.shortNames().isEmpty() ? "" : String.join(",", type.shortNames()),
                    type.groupVersion(),
                    Boolean.toString(type.namespaced()),
                    type.kind(),
                    verbs(type)));
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add(types.size() + (types.size() == 1 ? " resource type" : " resource types"));
        lines.addAll(table.render().lines().toList());
        return new Budgets()
                .section(
                        "",
                        1,
                        lines,
                        "narrow with group or namespaced, or " + Budgets.raise(budget)
                                + "; structuredContent.types lists every type")
                .render(budget);
    }

    private static Map<String, Object> describe(ResourceType type) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("resource", type.fullyQualifiedName());
        described.put("name", type.plural());
        if (!type.singular().isEmpty()) {
            described.put("singular", type.singular());
        }
        described.put("shortNames", type.shortNames());
        described.put("kind", type.kind());
        described.put("group", type.group());
        described.put("version", type.version());
        described.put("apiVersion", type.groupVersion());
        described.put("namespaced", type.namespaced());
        described.put("verbs", type.verbs().stream().map(Verb::discoveryName).toList());
        return described;
    }

    private static String verbs(ResourceType type) {
        return type.verbs().stream().map(Verb::discoveryName).collect(Collectors.joining(","));
    }
}
