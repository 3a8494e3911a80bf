package io.kmcp.application.port.in;

import java.util.List;

/**
 * Checks manifests against the access policy without a cluster: every document the server would
 * refuse, with the reason. For CI pipelines and admission checks that want the same rules as the
 * server.
 */
public interface AuditManifests {

    AuditReport audit(List<ManifestSource> sources);

    /** One file (or stream) of manifests and the name to report it under. */
    record ManifestSource(String name, String content) {}

    /** Per source: the refused documents, or why the source could not be read. */
    record AuditReport(List<SourceReport> sources) {
        public boolean anyRefused() {
            return sources.stream().anyMatch(source -> !source.refusals().isEmpty());
        }

        public boolean anyUnreadable() {
            return sources.stream().anyMatch(source -> source.unreadable().isPresent());
        }
    }

    record SourceReport(String name, List<String> refusals, java.util.Optional<String> unreadable) {}
}
