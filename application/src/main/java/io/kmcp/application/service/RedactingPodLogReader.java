package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.application.port.out.PodLogReader;
import io.kmcp.application.port.out.RedactionObserver;
import io.kmcp.domain.redaction.Redacted;
import io.kmcp.domain.redaction.Redactor;
import java.util.Objects;

/**
 * Every log read (by the logs tool and by a diagnosis) with the credentials of an unmistakable format
 * replaced by markers: a log has no field names, so only what a value looks like can give it away.
 */
public final class RedactingPodLogReader implements PodLogReader {

    private final PodLogReader reader;
    private final Redactor redactor;
    private final RedactionObserver observer;

    public RedactingPodLogReader(PodLogReader reader, Redactor redactor, RedactionObserver observer) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public String read(Caller caller, LogRequest request) {
        Redacted<String> redacted = redactor.text(reader.read(caller, request));
        if (redacted.changed()) {
            observer.hidden(redacted.redactions());
        }
        return redacted.value();
    }
}
