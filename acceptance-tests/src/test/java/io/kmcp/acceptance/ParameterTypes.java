package io.kmcp.acceptance;

import io.cucumber.java.ParameterType;
import java.util.List;

/** The words of the features that name things: which agent, what access, which kinds of object. */
public final class ParameterTypes {

    /** "the agent", "an agent": the scenario's agent; "another agent", "the other agent": a second one. */
    @ParameterType("the agent|an agent|another agent|the other agent")
    public String agent(String words) {
        return words.contains("other") ? "other-agent" : "agent";
    }

    @ParameterType("read and write|read")
    public List<String> access(String words) {
        return words.equals("read")
                ? List.of("get", "list", "watch")
                : List.of("get", "list", "watch", "create", "patch", "update");
    }

    /** Kinds of object as an operator calls them, as RBAC names them: group and resource. */
    @ParameterType("config maps|namespaces|deployments|custom resource definitions")
    public GroupResource kinds(String words) {
        return switch (words) {
            case "config maps" -> new GroupResource("", "configmaps");
            case "namespaces" -> new GroupResource("", "namespaces");
            case "custom resource definitions" ->
                new GroupResource("apiextensions.k8s.io", "customresourcedefinitions");
            default -> new GroupResource("apps", "deployments");
        };
    }

    /** A resource of an API group, as RBAC names it; the core group is "". */
    public record GroupResource(String group, String resource) {
        /** {@code deployments.apps}, {@code configmaps}: as kubectl and k-mcp write it. */
        public static GroupResource parse(String qualified) {
            int dot = qualified.indexOf('.');
            return dot < 0
                    ? new GroupResource("", qualified)
                    : new GroupResource(qualified.substring(dot + 1), qualified.substring(0, dot));
        }

        public String key() {
            return group.isEmpty() ? resource : resource + "." + group;
        }
    }
}
