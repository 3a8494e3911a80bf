package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.CompleteNames;
import io.kmcp.application.port.in.Completion;
import io.kmcp.application.port.in.CompletionQuery;
import io.kmcp.application.port.in.CompletionQuery.Target;
import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.policy.PolicyDecision;
import io.kmcp.domain.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code inspect}: a person picks an object (namespace, type and name, each completed from what
 * their token may list) and the agent is told which calls find out its state. The prompt reads
 * nothing itself; its completions read with the caller's token, through {@link CompleteNames}.
 */
public final class InspectPrompt {

    static final String NAME = "inspect";

    private static final String DESCRIPTION = """
            Find out the state of one Kubernetes object and what is wrong with it, if anything. Pick the \
            namespace, the type and the name: each is completed from what your token may list.""";

    static final PromptArgument NAMESPACE = new PromptArgument(
            "namespace",
            "The namespace of the object; leave it out for a cluster-scoped type such as nodes.",
            false,
            Limits.NAMESPACE);
    static final PromptArgument TYPE = new PromptArgument(
            "type", "The type of the object: pods, deployments.apps, nodes …", true, Limits.RESOURCE);
    static final PromptArgument OBJECT_NAME = new PromptArgument("name", "The name of the object.", true, Limits.NAME);

    private final CompleteNames completeNames;
    private final AccessPolicy policy;

    public InspectPrompt(CompleteNames completeNames, AccessPolicy policy) {
        this.completeNames = Objects.requireNonNull(completeNames, "completeNames");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public PromptDeclaration declaration() {
        return new PromptDeclaration(
                NAME,
                "Inspect a Kubernetes object",
                DESCRIPTION,
                List.of(NAMESPACE, TYPE, OBJECT_NAME),
                Set.of(WorkloadDiagnoseTool.NAME, ResourceGetTool.NAME, EventsListTool.NAME),
                this::text,
                this::complete);
    }

    String text(Map<String, String> arguments) {
        String type = arguments.get(TYPE.name());
        refuseRestricted(type);
        String name = arguments.get(OBJECT_NAME.name());
        Optional<String> namespace =
                Optional.ofNullable(arguments.get(NAMESPACE.name())).filter(value -> !value.isEmpty());
        String where = namespace.map(ns -> " in namespace " + ns).orElse("");
        String namespaceArgument =
                namespace.map(ns -> ", namespace \"" + ns + "\"").orElse("");
        return """
                Find out the state of the %s %s%s on the Kubernetes cluster, and what is wrong with it, if anything.
                - If it is a workload, a pod or a service, call %s with resource "%s", name "%s"%s: one call \
                gathers its pods, events, logs and nodes and names the causes it finds.
                - Otherwise call %s with resource "%s", name "%s"%s, then %s with involvedObject "%s"%s for \
                its recent events.
                Answer with its state in a few lines and, if something is wrong, the cause and what to do next.""".formatted(
                        type,
                        name,
                        where,
                        WorkloadDiagnoseTool.NAME,
                        type,
                        name,
                        namespaceArgument,
                        ResourceGetTool.NAME,
                        type,
                        name,
                        namespaceArgument,
                        EventsListTool.NAME,
                        name,
                        namespaceArgument);
    }

    /** The same refusal a tool gives, before the agent is sent after a type it can never read. */
    private void refuseRestricted(String type) {
        PolicyDecision decision;
        try {
            decision = policy.decideByName(TypeReference.parse(type));
        } catch (InvalidInputException invalid) {
            throw new PromptRefused("`" + TYPE.name() + "`: " + invalid.getMessage());
        }
        if (decision instanceof PolicyDecision.Restricted restricted) {
            throw new PromptRefused(restricted.reason());
        }
    }

    Completion complete(Caller caller, String argument, String prefix, Map<String, String> others) {
        CompletionQuery query = switch (argument) {
            case "namespace" -> CompletionQuery.of(Target.NAMESPACE, prefix);
            case "type" -> CompletionQuery.of(Target.TYPE, prefix);
            default ->
                new CompletionQuery(
                        Target.NAME,
                        prefix,
                        Optional.ofNullable(others.get(TYPE.name())),
                        Optional.ofNullable(others.get(NAMESPACE.name())));
        };
        return completeNames.complete(caller, query);
    }
}
