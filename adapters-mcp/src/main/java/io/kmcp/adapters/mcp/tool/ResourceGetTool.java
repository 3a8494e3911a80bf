package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.GetResourceQuery;
import io.kmcp.application.port.in.ResourceDetail;
import io.kmcp.domain.Texts;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.policy.AccessPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code resource_get}: one object as YAML. A namespaced type asked for without a namespace makes
 * the tool ask the user for it when the client supports elicitation, and retry once; otherwise the
 * answer names the missing {@code namespace} argument.
 */
public final class ResourceGetTool {

    static final String NAME = "resource_get";

    private static final Logger log = LoggerFactory.getLogger(ResourceGetTool.class);

    private static final String DESCRIPTION = """
            Read one Kubernetes object, with the caller's own permissions, as YAML (without managedFields \
            and the last-applied annotation). `resource` names the type as in resource_list (pods, \
            deployments.apps, apps/v1/Deployment …); `namespace` is required for namespaced types: when it \
            is missing and the client supports elicitation, the user is asked for it. Restricted by this \
            server's policy: %s.""";

    static final Argument<String> RESOURCE = Argument.requiredText(
            "resource", Limits.RESOURCE, "The type of the object: pod, deployments.apps, apps/v1/Deployment …");
    static final Argument<String> OBJECT_NAME = Argument.requiredText("name", Limits.NAME, "The name of the object.");
    static final Argument<Optional<String>> NAMESPACE = Argument.text(
            "namespace",
            Limits.NAMESPACE,
            "The namespace of the object; required for namespaced types, ignored for cluster-scoped ones.");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "resource": {"type": "string", "description": "The fully-qualified type of the object, e.g. deployments.v1.apps."},
                "object": {"type": "object", "description": "The object as the API server returned it, without managedFields."}
              },
              "required": ["resource", "object"],
              "additionalProperties": false
            }
            """;

    /** What the user fills in when the namespace is missing. */
    static final Map<String, Object> NAMESPACE_FORM = Map.of(
            "type", "object",
            "properties",
                    Map.of(
                            "namespace",
                            Map.of(
                                    "type", "string",
                                    "title", "Namespace",
                                    "description", "The namespace the object is in, e.g. default",
                                    "minLength", 1,
                                    "maxLength", Limits.NAMESPACE)),
            "required", List.of("namespace"));

    private final GetResource getResource;
    private final AccessPolicy policy;

    public ResourceGetTool(GetResource getResource) {
        this(getResource, AccessPolicy.builtIn());
    }

    /** @param policy what the description says is restricted */
    public ResourceGetTool(GetResource getResource, AccessPolicy policy) {
        this.getResource = Objects.requireNonNull(getResource, "getResource");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "Read a Kubernetes object",
                DESCRIPTION.formatted(policy.inWords()),
                ToolDeclaration.Effect.READS,
                List.of(RESOURCE, OBJECT_NAME, NAMESPACE),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        GetResourceQuery query =
                new GetResourceQuery(arguments.get(RESOURCE), arguments.get(OBJECT_NAME), arguments.get(NAMESPACE));
        CharBudget budget = arguments.budget();
        try {
            return answer(getResource.get(caller, query), budget);
        } catch (RequestFailedException failed) {
            if (failed.problem().reason() != Problem.Reason.NAMESPACE_REQUIRED
                    || query.namespace().isPresent()) {
                throw failed;
            }
            return askForNamespace(caller, query, failed.problem(), conversation, budget);
        }
    }

    private ToolAnswer askForNamespace(
            Caller caller, GetResourceQuery query, Problem missing, Conversation conversation, CharBudget budget) {
        String retry = " Call " + NAME + " again with the 'namespace' argument.";
        if (!conversation.canAsk()) {
            return ToolAnswer.failure(new Problem(
                    Problem.Reason.NAMESPACE_REQUIRED,
                    "The argument 'namespace' is required here: " + ProblemWords.fact(missing) + retry));
        }
        String question = ProblemWords.fact(missing) + " Which namespace is " + Texts.quote(query.name()) + " in?";
        Conversation.Answer answer = conversation.ask(new Conversation.Question("namespace", question, NAMESPACE_FORM));
        if (answer instanceof Conversation.Answer.Accepted accepted) {
            return namespaceOf(accepted)
                    .map(namespace -> answer(
                            getResource.get(
                                    caller,
                                    new GetResourceQuery(query.resource(), query.name(), Optional.of(namespace))),
                            budget))
                    .orElseGet(() -> ToolAnswer.failure(new Problem(
                            Problem.Reason.NAMESPACE_REQUIRED,
                            "The answer held no namespace, so nothing was read." + retry)));
        }
        String what;
        if (answer instanceof Conversation.Answer.Declined) {
            what = "The user declined to name a namespace";
        } else if (answer instanceof Conversation.Answer.Cancelled) {
            what = "The user cancelled the question about the namespace";
        } else {
            log.info("no answer to the namespace question: {}", ((Conversation.Answer.Unanswered) answer).reason());
            what = "No answer came to the question about the namespace";
        }
        return ToolAnswer.failure(new Problem(
                Problem.Reason.NAMESPACE_REQUIRED,
                what + ", so nothing was read: " + ProblemWords.fact(missing) + retry));
    }

    private static Optional<String> namespaceOf(Conversation.Answer.Accepted accepted) {
        return accepted.content().get("namespace") instanceof String namespace && !namespace.isBlank()
                ? Optional.of(namespace.strip())
                : Optional.empty();
    }

    private static ToolAnswer answer(ResourceDetail detail, CharBudget budget) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("resource", detail.type().fullyQualifiedName());
        structured.put("object", detail.object());
        return ToolAnswer.success(text(Yaml.of(detail.object()), budget).text(), structured);
    }

    /**
     * The YAML, cut at the end when it exceeds the budget, with a marker naming the {@code maxChars}
     * that would show all of it (YAML has no priorities: what comes first stays).
     */
    static Rendered text(String yaml, CharBudget budget) {
        List<String> lines = yaml.lines().toList();
        int whole = yaml.length() + 200;
        String hint = whole <= CharBudget.MAX
                ? "call " + NAME + " again with the same arguments and maxChars=" + Math.max(whole, CharBudget.MIN)
                        + " for the whole object; structuredContent.object holds all of it"
                : "the object is larger than maxChars allows; structuredContent.object holds all of it";
        return new Budgets().section("", 1, lines, hint).render(budget);
    }
}
