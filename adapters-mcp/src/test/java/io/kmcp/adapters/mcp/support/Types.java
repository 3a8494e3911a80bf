package io.kmcp.adapters.mcp.support;

import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.EnumSet;
import java.util.List;

/** Resource types as discovery describes them. */
public final class Types {

    public static final ResourceType PODS =
            new ResourceType("", "v1", "Pod", "pods", "pod", List.of("po"), true, EnumSet.allOf(Verb.class));
    public static final ResourceType DEPLOYMENTS = new ResourceType(
            "apps",
            "v1",
            "Deployment",
            "deployments",
            "deployment",
            List.of("deploy"),
            true,
            EnumSet.allOf(Verb.class));
    public static final ResourceType NODES = new ResourceType(
            "", "v1", "Node", "nodes", "node", List.of("no"), false, EnumSet.of(Verb.GET, Verb.LIST, Verb.WATCH));
    public static final ResourceType WIDGETS = new ResourceType(
            "example.com", "v1alpha1", "Widget", "widgets", "widget", List.of(), true, EnumSet.of(Verb.GET, Verb.LIST));

    private Types() {}
}
