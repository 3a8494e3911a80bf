package io.kmcp.application.port.out;

import io.kmcp.domain.redaction.Redaction;
import java.util.List;

/**
 * Told what was hidden from a read (where and by which kind of rule, never a value), so that it can be
 * counted.
 */
@FunctionalInterface
public interface RedactionObserver {

    RedactionObserver NONE = redactions -> {};

    /** Called once per object or text in which something was hidden. */
    void hidden(List<Redaction> redactions);
}
