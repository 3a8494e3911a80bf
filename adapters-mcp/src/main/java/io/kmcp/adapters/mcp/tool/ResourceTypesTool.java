package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.ResourceTypesQuery;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code resource_types}: the types the caller can use, so that an agent never guesses an apiVersion. */
final class ResourceTypesTool implements KmcpTool {

    static final String NAME = "resource_types";

    private static final String DESCRIPTION = """
            Show the resource types the cluster serves and this server allows (like kubectl api-resources): \
            name, short names, apiVersion, scope, kind and verbs. Use it to find the right name or apiVersion \
            of a type, including custom resources, before calling resource_list, resource_get or applying a \
            manifest. Restricted types (secrets, service accounts, RBAC) are not shown.""";

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "group": {
                  "type": "string", "maxLength": %d,
                  "description": "Only types of this API group, e.g. apps or networking.k8s.io; core for the core group (v1)."
                },
                "namespaced": {
                  "type": "boolean",
                  "description": "true for namespaced types only, false for cluster-scoped types only; leave out for both."
                },
                %s
              },
              "additionalProperties": false
            }
            """.formatted(Limits.GROUP, Budgets.SCHEMA);

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

    ResourceTypesTool(DescribeResourceTypes describeResourceTypes) {
        this.describeResourceTypes = Objects.requireNonNull(describeResourceTypes, "describeResourceTypes");
    }

    @Override
    public Tool definition() {
        return ReadOnlyTools.definition(
                NAME, "Show Kubernetes resource types", DESCRIPTION, INPUT_SCHEMA, OUTPUT_SCHEMA);
    }

    @Override
    public List<String> argumentNames() {
        return List.of("group", "namespaced", Budgets.ARGUMENT);
    }

    @Override
    public CallToolResult call(Caller caller, Arguments arguments, Conversation conversation) {
        ResourceTypesQuery query = new ResourceTypesQuery(
                arguments.optionalString("group", Limits.GROUP), arguments.optionalBoolean("namespaced"));
        CharBudget budget = arguments.budget();
        List<ResourceType> types = describeResourceTypes.describe(caller, query);
        return Results.success(
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
