package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.AccessReport;
import io.kmcp.application.port.in.AccessReport.Check;
import io.kmcp.application.port.in.AccessReport.Grant;
import io.kmcp.application.port.in.AccessReviewQuery;
import io.kmcp.application.port.in.ReviewAccess;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code access_review}: who the caller is, and what RBAC and k-mcp let it do. */
public final class AccessReviewTool {

    static final String NAME = "access_review";

    private static final String DESCRIPTION = """
            Who you are to the cluster and what you may do, as the API server's own reviews of your token \
            answer it (they change nothing). Without arguments: your user name and groups. With \
            `namespace`: what RBAC grants you there, one line per resource, with what k-mcp refuses \
            whatever RBAC grants (restricted kinds, and deletion, which k-mcp never offers). With `verb` and \
            `resource` (and `namespace` for a namespaced type): whether that one action is allowed, and \
            RBAC's reason. Call it before a write, or when a call was denied, instead of trying.""";

    static final Argument<Optional<String>> NAMESPACE = Argument.text(
            "namespace",
            Limits.NAMESPACE,
            "The namespace to review; left out, the identity alone (or a check across all namespaces).");
    static final Argument<Optional<String>> VERB = Argument.choice(
            "verb", AccessReviewQuery.VERBS, "With resource: the one action to check, as RBAC names it.");
    static final Argument<Optional<String>> RESOURCE = Argument.text(
            "resource", Limits.RESOURCE, "With verb: the type to check: pods, deployments.apps, deploy …");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "username": {"type": "string"},
                "groups": {"type": "array", "items": {"type": "string"}},
                "namespace": {"type": "string"},
                "rules": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "resource": {"type": "string"},
                      "verbs": {"type": "array", "items": {"type": "string"}},
                      "neverOffered": {"type": "array", "items": {"type": "string"}},
                      "restricted": {"type": "boolean"},
                      "restrictedReason": {"type": "string"},
                      "resourceNames": {"type": "array", "items": {"type": "string"}}
                    },
                    "required": ["resource", "verbs", "neverOffered", "restricted", "resourceNames"],
                    "additionalProperties": false
                  }
                },
                "incomplete": {"type": "boolean"},
                "check": {
                  "type": "object",
                  "properties": {
                    "verb": {"type": "string"},
                    "resource": {"type": "string"},
                    "allowed": {"type": "boolean"},
                    "rbacAllows": {"type": "boolean"},
                    "rbacReason": {"type": "string"},
                    "refusedByKmcp": {"type": "string"}
                  },
                  "required": ["verb", "resource", "allowed", "rbacReason"],
                  "additionalProperties": false
                },
                "truncated": {"type": "boolean"}
              },
              "required": ["username", "groups", "rules", "incomplete", "truncated"],
              "additionalProperties": false
            }
            """;

    /** The reviews every authenticated caller may create: granted to all, telling nothing of a namespace. */
    private static final List<String> SELF_REVIEWS = List.of(
            "selfsubjectreviews.authentication.k8s.io",
            "selfsubjectaccessreviews.authorization.k8s.io",
            "selfsubjectrulesreviews.authorization.k8s.io");

    private final ReviewAccess reviewAccess;

    public AccessReviewTool(ReviewAccess reviewAccess) {
        this.reviewAccess = Objects.requireNonNull(reviewAccess, "reviewAccess");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "Review the caller's access",
                DESCRIPTION,
                ToolDeclaration.Effect.READS,
                List.of(NAMESPACE, VERB, RESOURCE),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        AccessReport report = reviewAccess.review(
                caller, new AccessReviewQuery(arguments.get(NAMESPACE), arguments.get(VERB), arguments.get(RESOURCE)));
        Rendered text = text(report, arguments.budget());
        return ToolAnswer.success(text.text(), structured(report, text.truncated()));
    }

    static Rendered text(AccessReport report, CharBudget budget) {
        String identity = "You are " + report.username()
                + (report.groups().isEmpty() ? "" : " (groups: " + String.join(", ", report.groups()) + ")") + ".";
        List<String> headline = new ArrayList<>(List.of(identity));
        report.check().ifPresent(check -> headline.add(checkLine(check, report.namespace())));
        if (report.namespace().isEmpty() && report.check().isEmpty()) {
            headline.add(
                    "Give `namespace` to see what you may do there, or `verb` and `resource` to check one action.");
        }
        Budgets text = new Budgets().section("", Budgets.HEADLINE, headline, "");
        report.namespace().filter(namespace -> report.check().isEmpty()).ifPresent(namespace -> {
            List<String> lines =
                    report.grants().stream().map(AccessReviewTool::grantLine).toList();
            text.section(
                    "RBAC grants in namespace " + namespace + " (resource: verbs)",
                    Budgets.ESSENTIAL + 1,
                    lines,
                    "raise maxChars, or check one action with `verb` and `resource`");
            List<String> notes = new ArrayList<>();
            if (report.grants().stream().allMatch(grant -> SELF_REVIEWS.contains(grant.resource()))) {
                notes.add("RBAC grants nothing in namespace " + namespace + " beyond the reviews every caller may"
                        + " create: it may not exist, or no RoleBinding there names you. Ask a cluster"
                        + " administrator for a RoleBinding; " + ResourceListTool.NAME
                        + " with resource=namespaces shows the namespaces you may list.");
            }
            if (report.incomplete()) {
                notes.add("The API server could not list every rule (an authorizer that cannot enumerate them):"
                        + " more may be granted; check one action with `verb` and `resource`.");
            }
            text.section("", Budgets.ESSENTIAL, notes, "");
        });
        return text.render(budget);
    }

    private static String grantLine(Grant grant) {
        StringBuilder line = new StringBuilder(grant.resource());
        if (!grant.resourceNames().isEmpty()) {
            line.append(" (only ")
                    .append(String.join(", ", grant.resourceNames()))
                    .append(')');
        }
        line.append(": ").append(grant.verbs().isEmpty() ? "-" : String.join(", ", grant.verbs()));
        if (!grant.neverOffered().isEmpty()) {
            line.append("; ").append(String.join(", ", grant.neverOffered())).append(" never offered by k-mcp");
        }
        if (grant.restrictedBecause().isPresent()) {
            line.append(" — restricted by k-mcp, whatever RBAC grants");
        } else if (grant.resource().startsWith("*")) {
            line.append(" (except the kinds k-mcp restricts)");
        }
        return line.toString();
    }

    private static String checkLine(Check check, Optional<String> namespace) {
        String action = check.verb() + " " + check.resource()
                + namespace.map(ns -> " in namespace " + ns).orElse("");
        String rbac = check.rbacAllows()
                .map(allows -> (allows ? "RBAC allows it" : "RBAC denies it")
                        + (check.rbacReason().isEmpty() ? "" : " (" + check.rbacReason() + ")"))
                .orElse("");
        if (check.refusedByKmcp().isPresent()) {
            return "No: " + action + " is never done by k-mcp: "
                    + check.refusedByKmcp().orElseThrow() + (rbac.isEmpty() ? "" : ". " + rbac) + ".";
        }
        return (check.allowed() ? "Yes: " : "No: ") + action + ": " + rbac + ".";
    }

    static Map<String, Object> structured(AccessReport report, boolean truncated) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", report.username());
        answer.put("groups", report.groups());
        report.namespace().ifPresent(namespace -> answer.put("namespace", namespace));
        answer.put(
                "rules", report.grants().stream().map(AccessReviewTool::grant).toList());
        answer.put("incomplete", report.incomplete());
        report.check().ifPresent(check -> {
            Map<String, Object> checked = new LinkedHashMap<>();
            checked.put("verb", check.verb());
            checked.put("resource", check.resource());
            checked.put("allowed", check.allowed());
            check.rbacAllows().ifPresent(allows -> checked.put("rbacAllows", allows));
            checked.put("rbacReason", check.rbacReason());
            check.refusedByKmcp().ifPresent(why -> checked.put("refusedByKmcp", why));
            answer.put("check", checked);
        });
        answer.put("truncated", truncated);
        return answer;
    }

    private static Map<String, Object> grant(Grant grant) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("resource", grant.resource());
        rule.put("verbs", grant.verbs());
        rule.put("neverOffered", grant.neverOffered());
        rule.put("restricted", grant.restrictedBecause().isPresent());
        grant.restrictedBecause().ifPresent(why -> rule.put("restrictedReason", why));
        rule.put("resourceNames", grant.resourceNames());
        return rule;
    }
}
