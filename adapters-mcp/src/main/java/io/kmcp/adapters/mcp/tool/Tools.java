package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.policy.AccessPolicy;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tools k-mcp serves, in the order {@code tools/list} shows them, each declared once and served
 * by every protocol lane; the prompts served with them; and the instructions that tell an agent how to
 * use them.
 */
public final class Tools {

    static final String INSTRUCTIONS = """
            k-mcp reads (and, where allowed, applies) Kubernetes objects with your own service-account \
            token; the API server's RBAC decides what you may do. When something is not working (not \
            ready, crashing, pending, unreachable), call workload_diagnose first: one call gathers the \
            pods, owner chain, events, logs and nodes and names the cause. namespace_overview and \
            cluster_overview show what is unhealthy when you do not know where to look; events_list and \
            pod_logs go deeper. Start with resource_types to find the exact name and apiVersion of a \
            type. resource_list answers a page at a time: follow the continue token for more, and narrow \
            with namespace, labelSelector and fieldSelector. resource_get reads one object as YAML. Every \
            tool takes maxChars to bound its text answer; a cut answer says what it left out and how to \
            get it. Restricted by this server's policy: %s; and nothing can be deleted.""";

    static final String APPLY_INSTRUCTIONS = """
            resource_apply previews every change with a server-side dry run and applies nothing until \
            the user has confirmed the plan; use dryRun: true to see the plan first.""";

    private final List<ToolDeclaration> declarations;
    private final List<PromptDeclaration> prompts;
    private final AccessPolicy policy;

    private Tools(List<ToolDeclaration> declarations, List<PromptDeclaration> prompts, AccessPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        Set<String> names = new HashSet<>();
        for (ToolDeclaration declaration : declarations) {
            Objects.requireNonNull(declaration, "declaration");
            if (!names.add(declaration.name())) {
                throw new IllegalArgumentException("two tools are named " + declaration.name());
            }
        }
        Set<String> promptNames = new HashSet<>();
        for (PromptDeclaration prompt : prompts) {
            Objects.requireNonNull(prompt, "prompt");
            if (!promptNames.add(prompt.name())) {
                throw new IllegalArgumentException("two prompts are named " + prompt.name());
            }
        }
        this.declarations = List.copyOf(declarations);
        this.prompts = List.copyOf(prompts);
    }

    /** The tools, and the policy whose restrictions the instructions name. */
    public static Tools of(AccessPolicy policy, List<ToolDeclaration> declarations) {
        return new Tools(declarations, List.of(), policy);
    }

    public static Tools of(ToolDeclaration... declarations) {
        return new Tools(List.of(declarations), List.of(), AccessPolicy.builtIn());
    }

    /** These tools with these prompts. */
    public Tools withPrompts(List<PromptDeclaration> prompts) {
        return new Tools(declarations, prompts, policy);
    }

    /**
     * The tools an operator chose to serve.
     *
     * @param enabled only these tools; empty: every tool
     * @param disabled none of these
     * @param readOnly no tool that changes the cluster ({@code resource_apply}), in any protocol lane
     *     <p>A prompt is kept only when every tool its text names is served: it never sends an agent
     *     after a tool the operator left out.
     * @throws IllegalArgumentException naming a tool that does not exist, and the tools that do
     */
    public Tools selected(Set<String> enabled, Set<String> disabled, boolean readOnly) {
        Set<String> known = new LinkedHashSet<>(
                declarations.stream().map(ToolDeclaration::name).toList());
        for (String name : union(enabled, disabled)) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(
                        "there is no tool " + name + "; k-mcp serves " + String.join(", ", known));
            }
        }
        List<ToolDeclaration> served = declarations.stream()
                .filter(tool -> enabled.isEmpty() || enabled.contains(tool.name()))
                .filter(tool -> !disabled.contains(tool.name()))
                .filter(tool -> !readOnly || tool.readOnly())
                .toList();
        Set<String> servedNames = served.stream().map(ToolDeclaration::name).collect(Collectors.toSet());
        return new Tools(
                served,
                prompts.stream()
                        .filter(prompt -> servedNames.containsAll(prompt.tools()))
                        .toList(),
                policy);
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    public List<ToolDeclaration> declarations() {
        return declarations;
    }

    /** The prompts served, in the order {@code prompts/list} shows them. */
    public List<PromptDeclaration> prompts() {
        return prompts;
    }

    /** How to use these tools, as the server's instructions; apply advice only when apply is served. */
    public String instructions() {
        boolean applies = declarations.stream().anyMatch(declaration -> !declaration.readOnly());
        String instructions = INSTRUCTIONS.formatted(policy.inWords());
        return applies ? instructions + " " + APPLY_INSTRUCTIONS : instructions;
    }
}
