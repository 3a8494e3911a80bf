@redaction @workloads
Feature: Credentials outside Secrets are hidden from every tool
  Restricting Secrets protects nothing when the same password is pasted into an env value, a token is
  kept in a config map, a key in an annotation, or a connection string is logged. Whichever tool reads
  them, the agent gets a marker that says what was hidden and why, in the text and in the structured
  content alike; what is no credential is left as it is. A manifest that still carries the marker is
  refused, so that an agent editing what it read never writes the marker into the cluster. (Workloads
  must run for the logs, the events and the diagnosis, so these scenarios run on the local target only.)

  Background:
    Given a deployment "billing" in namespace "shop" that carries credentials and keeps crashing
    And the namespace "shop" holds a config map "billing-settings" that carries credentials

  Scenario: No tool shows a credential; each shows the marker and leaves the rest alone
    Given an agent who may read workloads in namespace "shop"
    And the agent may read and write config maps in namespace "shop"
    And the agent may read and write deployments in namespace "shop"
    When the agent reads "billing" and "billing-settings" in namespace "shop" through every tool
    Then no answer shows any of the credentials, neither in its text nor in its structured content
    And the answers of "resource_get" and "resource_list" show the marker "the name DB_PASSWORD suggests a credential"
    And the answers of "resource_get" and "resource_list" show the marker "the name api_token suggests a credential"
    And the answers of "resource_get" show the marker "a PEM private key"
    And the answers of "pod_logs" show the marker "a password in a URL"
    And the answers of "events_list" show the marker "a GitHub token"
    And the answers of "resource_get" still show "LOG_LEVEL" set to "debug" and "mode" set to "fast"

  Scenario: A manifest that carries the marker is refused, saying where, and changes nothing
    Given an agent who may read workloads in namespace "shop"
    And the agent may read and write config maps in namespace "shop"
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: billing-settings
        namespace: shop
      data:
        api_token: "<redacted by k-mcp: the name api_token suggests a credential>"
        mode: slow
      """
    Then the call fails
    And the answer says "Nothing was applied"
    And the answer says "data.api_token still carries the marker"
    And the answer says "Put the real value there, or reference a Secret"
    And the config map "billing-settings" in namespace "shop" still has "mode" set to "fast"
    And the config map "billing-settings" in namespace "shop" still holds its credentials

  Scenario: An operator who turned redaction off lets the agent see the values
    Given k-mcp in front of the cluster runs with "--redact=off"
    And an agent who may read workloads in namespace "shop"
    And the agent may read config maps in namespace "shop"
    When the agent gets the "configmap" named "billing-settings" in namespace "shop"
    Then the call succeeds
    And the answer shows the config map's credentials as they are
    And the answer does not mention "redacted by k-mcp"
