package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.ListResources;
import io.kmcp.application.port.in.ListResourcesQuery;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.type.ResourceType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code resource_list}: one page of objects of one type, as a table and as objects. */
public final class ResourceListTool {

    static final String NAME = "resource_list";

    private static final String DESCRIPTION = """
            List Kubernetes objects of one type, one page at a time, with the caller's own permissions.
            `resource` names the type: plural, singular, kind or short name (pods, pod, Pod, po), optionally \
            qualified by version and group (deployments.apps, deployments.v1.apps, apps/v1/Deployment); \
            resource_types shows what the cluster serves. Leave `namespace` out to list all namespaces. \
            The text answer is a table of the most useful columns; the full objects (without managedFields) \
            are in the structured content. When more objects follow, the answer gives a continue token: call \
            again with the same arguments plus `continue`. A large page (more than %d objects, or `summary: true`) \
            is answered with a summary instead of the table: counts per status and namespace, and the unhealthy \
            objects one line each. Restricted by this server's policy: %s.""";

    static final Argument<String> RESOURCE = Argument.requiredText(
            "resource",
            Limits.RESOURCE,
            "The type to list: pods, po, Pod, deployments.apps, deployments.v1.apps, apps/v1/Deployment …");
    static final Argument<Optional<String>> NAMESPACE = Argument.text(
            "namespace",
            Limits.NAMESPACE,
            "The namespace to list; leave it out (or empty) for all namespaces. Ignored for cluster-scoped types.");
    static final Argument<Optional<String>> LABEL_SELECTOR = Argument.text(
            "labelSelector",
            Limits.SELECTOR,
            "Only objects whose labels match, e.g. app=web,tier!=cache or env in (prod,staging).");
    static final Argument<Optional<String>> FIELD_SELECTOR = Argument.text(
            "fieldSelector",
            Limits.SELECTOR,
            "Only objects whose fields match, e.g. status.phase=Running or spec.nodeName=node-1.");
    static final Argument<Optional<Integer>> LIMIT =
            Argument.integer("limit", 1, PageLimit.MAX, "Objects per page, " + PageLimit.DEFAULT + " when left out.");
    static final Argument<Optional<String>> CONTINUE = Argument.text(
            "continue", ContinueToken.MAX_LENGTH, "The continue token of the previous page, to get the next one.");
    static final Argument<Optional<Boolean>> SUMMARY = Argument.flag(
            "summary",
            "true for a summary instead of the table: counts per status (and per namespace), and only the"
                    + " unhealthy objects, one line each. Left out, a page of more than "
                    + ListSummary.AUTOMATIC_ABOVE + " objects is summarised; false always gives the table.");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "resource": {"type": "string", "description": "The fully-qualified type listed, e.g. deployments.v1.apps."},
                "apiVersion": {"type": "string"},
                "kind": {"type": "string"},
                "namespace": {"type": "string", "description": "The namespace listed; absent for all namespaces and for cluster-scoped types."},
                "items": {"type": "array", "items": {"type": "object"}, "description": "The objects of this page."},
                "continue": {"type": "string", "description": "Present when more objects follow: pass it as `continue` for the next page."},
                "remainingItemCount": {"type": "integer", "minimum": 0, "description": "The API server's estimate of the objects after this page."}
              },
              "required": ["resource", "apiVersion", "kind", "items"],
              "additionalProperties": false
            }
            """;

    private final ListResources listResources;
    private final Clock clock;
    private final AccessPolicy policy;

    public ResourceListTool(ListResources listResources, Clock clock) {
        this(listResources, clock, AccessPolicy.builtIn());
    }

    /** @param policy what the description says is restricted */
    public ResourceListTool(ListResources listResources, Clock clock, AccessPolicy policy) {
        this.listResources = Objects.requireNonNull(listResources, "listResources");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "List Kubernetes objects",
                DESCRIPTION.formatted(ListSummary.AUTOMATIC_ABOVE, policy.inWords()),
                ToolDeclaration.Effect.READS,
                List.of(RESOURCE, NAMESPACE, LABEL_SELECTOR, FIELD_SELECTOR, LIMIT, CONTINUE, SUMMARY),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        ListResourcesQuery query = new ListResourcesQuery(
                arguments.get(RESOURCE),
                arguments.get(NAMESPACE),
                arguments.get(LABEL_SELECTOR),
                arguments.get(FIELD_SELECTOR),
                arguments.get(LIMIT),
                arguments.get(CONTINUE));
        Optional<Boolean> summary = arguments.get(SUMMARY);
        CharBudget budget = arguments.budget();
        ResourceList page = listResources.list(caller, query);
        return ToolAnswer.success(text(page, summary, clock.instant(), budget).text(), structured(page));
    }

    /**
     * The text answer: the summary when asked for, or when the page holds more than {@link
     * ListSummary#AUTOMATIC_ABOVE} objects and {@code summary} was not sent; the table otherwise.
     */
    static Rendered text(ResourceList page, Optional<Boolean> summary, Instant now, CharBudget budget) {
        boolean summarise = summary.orElse(page.items().size() > ListSummary.AUTOMATIC_ABOVE);
        return summarise && !page.items().isEmpty() ? ListSummary.render(page, now, budget) : table(page, now, budget);
    }

    /** The headline, the table, and the continue token, which is never cut. */
    static Rendered table(ResourceList page, Instant now, CharBudget budget) {
        List<String> lines = new ArrayList<>();
        if (page.items().isEmpty()) {
            lines.add("No " + page.type().fullyQualifiedName() + " found" + where(page) + ".");
        } else {
            lines.add(headline(page));
            ResourceType type = page.type();
            boolean withNamespace = type.namespaced() && page.namespace().isEmpty();
            List<ListColumns.Column> columns = ListColumns.of(type, withNamespace, page.items(), now);
            Table table =
                    new Table(columns.stream().map(ListColumns.Column::header).toList());
            for (Map<String, Object> item : page.items()) {
                table.add(columns.stream().map(column -> column.read(item)).toList());
            }
            lines.addAll(table.render().lines().toList());
        }
        int smaller = Math.max(1, page.items().size() / 4);
        return new Budgets()
                .section(
                        "",
                        1,
                        lines,
                        "every object of the page is in structuredContent.items; for fewer rows call " + NAME
                                + " with limit=" + smaller + " and follow continue, or with summary: true, or "
                                + Budgets.raise(budget))
                .section("", Budgets.HEADLINE, continuation(page).stream().toList(), Budgets.raise(budget))
                .render(budget);
    }

    /** {@code pods.v1 in all namespaces: 2 objects on this page}. */
    static String headline(ResourceList page) {
        return page.type().fullyQualifiedName() + where(page) + ": "
                + page.items().size()
                + (page.items().size() == 1 ? " object" : " objects")
                + (page.continueToken().isPresent() ? " on this page" : "");
    }

    private static String where(ResourceList page) {
        return page.namespace()
                .map(namespace -> " in namespace " + namespace)
                .orElse(page.type().namespaced() ? " in all namespaces" : "");
    }

    /** How to get the next page, when there is one. */
    static Optional<String> continuation(ResourceList page) {
        return page.continueToken()
                .map(token -> "More objects follow"
                        + page.remainingItemCount()
                                .map(count -> " (about " + count + " more)")
                                .orElse("")
                        + ". For the next page call " + NAME + " again with the same arguments and continue=\""
                        + token + "\".");
    }

    static Map<String, Object> structured(ResourceList page) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("resource", page.type().fullyQualifiedName());
        content.put("apiVersion", page.type().groupVersion());
        content.put("kind", page.type().kind());
        page.namespace().ifPresent(namespace -> content.put("namespace", namespace));
        content.put("items", page.items());
        page.continueToken().ifPresent(token -> content.put("continue", token));
        page.remainingItemCount().ifPresent(count -> content.put("remainingItemCount", count));
        return content;
    }
}
