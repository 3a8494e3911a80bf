package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.RedactionObserver;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.redaction.Redacted;
import io.kmcp.domain.redaction.Redactor;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place every read object passes on its way to a use case, so that no tool can forget to hide
 * credentials: every object a {@link ResourceReader} returns (listed, got, the events, the pods and the
 * workloads of a diagnosis or an overview) comes out with its credentials replaced by markers.
 *
 * <p>Applying does not read through it: its preview compares the live object with the dry run, and a
 * marker on one side only would show a change that is not there, or hide one that is. It shows paths
 * only, never values.
 */
public final class RedactingResourceReader implements ResourceReader {

    private final ResourceReader reader;
    private final Redactor redactor;
    private final RedactionObserver observer;

    public RedactingResourceReader(ResourceReader reader, Redactor redactor, RedactionObserver observer) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public ResourcePage list(Caller caller, ResourceQuery query) {
        ResourcePage page = reader.list(caller, query);
        List<Map<String, Object>> items =
                page.items().stream().map(this::redacted).toList();
        return new ResourcePage(items, page.continueToken(), page.remainingItemCount());
    }

    @Override
    public Optional<Map<String, Object>> get(Caller caller, ResourceKey key) {
        return reader.get(caller, key).map(this::redacted);
    }

    private Map<String, Object> redacted(Map<String, Object> object) {
        Redacted<Map<String, Object>> redacted = redactor.object(object);
        if (redacted.changed()) {
            observer.hidden(redacted.redactions());
        }
        return redacted.value();
    }
}
