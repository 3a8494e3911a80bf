package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.AccessReviews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RBAC in memory: rules granted to a subject in a namespace, and the decisions an authoriser draws
 * from them ({@code *} matches anything, an empty namespace asks across all of them).
 */
final class FakeAccessReviews implements AccessReviews {

    private final Map<String, List<String>> groups = new HashMap<>();
    private final Map<String, List<Rule>> rules = new HashMap<>();
    private boolean incomplete;

    FakeAccessReviews member(String subject, List<String> groupsOfSubject) {
        groups.put(subject, List.copyOf(groupsOfSubject));
        return this;
    }

    FakeAccessReviews grant(String subject, String namespace, Rule rule) {
        rules.computeIfAbsent(subject + "@" + namespace, key -> new ArrayList<>())
                .add(rule);
        return this;
    }

    /** Answers as an authoriser that cannot list every rule. */
    FakeAccessReviews incomplete() {
        incomplete = true;
        return this;
    }

    @Override
    public Identity identity(Caller caller) {
        List<String> memberOf = new ArrayList<>(groups.getOrDefault(caller.subject(), List.of()));
        memberOf.add("system:authenticated");
        return new Identity(caller.subject(), memberOf);
    }

    @Override
    public RuleSet rules(Caller caller, String namespace) {
        return new RuleSet(rulesOf(caller, namespace), List.of(), incomplete);
    }

    @Override
    public Decision decide(Caller caller, Question question) {
        boolean allowed = question.namespace()
                .map(namespace -> rulesOf(caller, namespace).stream().anyMatch(rule -> grants(rule, question)))
                .orElse(false);
        return new Decision(allowed, allowed ? "granted in memory" : "");
    }

    private List<Rule> rulesOf(Caller caller, String namespace) {
        return rules.getOrDefault(caller.subject() + "@" + namespace, List.of());
    }

    private static boolean grants(Rule rule, Question question) {
        return matches(rule.verbs(), question.verb())
                && matches(rule.apiGroups(), question.group())
                && matches(rule.resources(), question.resource());
    }

    private static boolean matches(List<String> granted, String asked) {
        return granted.contains("*") || granted.contains(asked);
    }
}
