package io.kmcp.adapters.mcp.tool;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * The interface of {@code resource_apply}, fixed ahead of its use case: the tool that implements it
 * (a {@link KmcpTool} around the application's {@code ApplyResources}, registered in {@link Tools})
 * takes this definition and adds the output schema of the apply outcome. Confirmation goes through
 * {@link Conversation#ask} when the client can be asked, otherwise through {@code confirm: true}.
 */
final class ResourceApplyDefinition {

    static final String NAME = "resource_apply";

    /** Half of the default request body limit, leaving room for the JSON-RPC envelope and escaping. */
    static final int MAX_MANIFEST_LENGTH = 512 * 1024;

    private static final String DESCRIPTION = """
            Create or update Kubernetes objects from YAML or JSON manifests with server-side apply (field \
            manager k-mcp; a conflict with another field manager is reported, never forced), with the caller's \
            own permissions. `resourceYAML` holds one or more documents separated by --- lines; kind: List is \
            expanded. Every document is checked against this server's policy first: secrets, service accounts \
            and RBAC objects are restricted, and one restricted document refuses the whole request. Then every \
            document is dry-run; nothing is applied if any check fails. The plan (per document: will be \
            created, which fields will change, or unchanged) is confirmed once: when the client supports \
            elicitation the user is asked, and confirm: true does not skip that question; otherwise nothing is \
            applied until you show the plan to the user and, once they approve it, call again with the same \
            resourceYAML and confirm: true. dryRun: true returns the plan without asking or applying. \
            Namespaces and CRDs are applied first; a document that needs one of them is dry-run right after \
            it exists. Nothing is ever deleted.""";

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "resourceYAML": {
                  "type": "string", "minLength": 1, "maxLength": %d,
                  "description": "One or more YAML or JSON documents, separated by --- lines."
                },
                "dryRun": {
                  "type": "boolean",
                  "description": "true to get the plan (what would be created or changed) without asking or applying anything."
                },
                "confirm": {
                  "type": "boolean",
                  "description": "true when the user has approved the plan, for clients that cannot ask their user; when the client supports elicitation the user is asked anyway."
                },
                %s
              },
              "required": ["resourceYAML"],
              "additionalProperties": false
            }
            """.formatted(MAX_MANIFEST_LENGTH, Budgets.SCHEMA);

    private ResourceApplyDefinition() {}

    static Tool.Builder definition() {
        return Tool.builder()
                .name(NAME)
                .title("Apply Kubernetes manifests")
                .description(DESCRIPTION)
                .inputSchema(McpJsonDefaults.getMapper(), INPUT_SCHEMA)
                .annotations(ToolAnnotations.builder()
                        .title("Apply Kubernetes manifests")
                        .readOnlyHint(false)
                        .destructiveHint(true)
                        .idempotentHint(true)
                        .openWorldHint(true)
                        .build());
    }
}
