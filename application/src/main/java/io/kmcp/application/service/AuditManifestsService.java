package io.kmcp.application.service;

import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.AuditManifests;
import io.kmcp.application.port.out.ManifestParser;
import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.audit.AuditFinding;
import io.kmcp.domain.audit.ManifestAudit;
import io.kmcp.domain.policy.AccessPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The server's policy applied to manifests offline, one source at a time. */
public final class AuditManifestsService implements AuditManifests {

    private final ManifestParser parser;
    private final ManifestAudit audit;

    public AuditManifestsService(ManifestParser parser, AccessPolicy policy) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.audit = new ManifestAudit(Objects.requireNonNull(policy, "policy"));
    }

    @Override
    public AuditReport audit(List<ManifestSource> sources) {
        return new AuditReport(sources.stream().map(this::auditOne).toList());
    }

    private SourceReport auditOne(ManifestSource source) {
        try {
            List<String> refusals = audit.audit(parser.parse(source.content())).stream()
                    .map(AuditFinding::describe)
                    .toList();
            return new SourceReport(source.name(), refusals, Optional.empty());
        } catch (RequestFailedException | InvalidInputException unreadable) {
            return new SourceReport(source.name(), List.of(), Optional.of(unreadable.getMessage()));
        }
    }
}
