package io.kmcp.domain.audit;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.apply.Document;
import io.kmcp.domain.apply.InvalidManifestException;
import io.kmcp.domain.apply.ManifestProblem;
import io.kmcp.domain.apply.Manifests;
import io.kmcp.domain.apply.Position;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.policy.PolicyDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which documents of a stream this server would refuse, judged offline by their {@code apiVersion}
 * and {@code kind} (see {@link AccessPolicy#decideManifest} for what an offline check cannot see). A
 * document that cannot be judged (no kind, a malformed apiVersion, a list nested too deep) is a finding
 * too: an audit that cannot check something must not pass it.
 */
public final class ManifestAudit {

    private final AccessPolicy policy;

    public ManifestAudit(AccessPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param documents the parsed documents of one stream (one file), {@code null} for an empty one
     * @return the findings in document order; empty if the policy allows every document
     */
    public List<AuditFinding> audit(List<? extends Map<String, ?>> documents) {
        Objects.requireNonNull(documents, "documents");
        List<AuditFinding> findings = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                for (Document document : Manifests.expand(i + 1, documents.get(i))) {
                    check(document).ifPresent(findings::add);
                }
            } catch (InvalidManifestException e) {
                for (ManifestProblem problem : e.problems()) {
                    findings.add(unchecked(problem.position(), Map.of(), problem.problem()));
                }
            }
        }
        return findings;
    }

    private Optional<AuditFinding> check(Document document) {
        Map<String, Object> content = document.content();
        if (!(content.get("apiVersion") instanceof String apiVersion)
                || !(content.get("kind") instanceof String kind)) {
            return Optional.of(unchecked(document.position(), content, "apiVersion or kind is missing"));
        }
        PolicyDecision decision;
        try {
            decision = policy.decideManifest(apiVersion, kind);
        } catch (InvalidInputException e) {
            return Optional.of(unchecked(document.position(), content, e.getMessage()));
        }
        if (decision instanceof PolicyDecision.Restricted restricted) {
            return Optional.of(finding(document.position(), content, restricted.reason()));
        }
        return Optional.empty();
    }

    private static AuditFinding unchecked(Position position, Map<String, ?> content, String problem) {
        return finding(position, content, "the policy cannot check this document: " + problem);
    }

    private static AuditFinding finding(Position position, Map<String, ?> content, String reason) {
        Map<?, ?> metadata = content.get("metadata") instanceof Map<?, ?> map ? map : Map.of();
        return new AuditFinding(
                position,
                text(content.get("apiVersion")),
                text(content.get("kind")),
                text(metadata.get("namespace")),
                text(metadata.get("name")),
                reason);
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
