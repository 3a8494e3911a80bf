package io.kmcp.application.port.out;

import io.kmcp.domain.apply.DocumentPreview;
import java.util.List;

/**
 * Asks the human behind the agent to confirm a previewed apply. The inbound adapter supplies one per
 * request: through MCP elicitation when the client can ask its user, or from an explicit
 * confirmation argument when it cannot.
 */
public interface ApplyApproval {

    Decision ask(List<DocumentPreview> preview);

    enum Decision {
        /** The user confirmed: apply. */
        APPROVED,
        /** The user said no: apply nothing. */
        DECLINED,
        /** The user dismissed the question: apply nothing. */
        CANCELLED,
        /** No one can be asked: apply nothing, and tell the caller how to confirm. */
        UNAVAILABLE
    }
}
