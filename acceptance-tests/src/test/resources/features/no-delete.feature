@no-delete
Feature: No delete, ever
  No tool deletes, and applying never prunes: objects and other managers' fields left out of a manifest
  stay where they are. The API server's audit log is the witness: it never records a delete from k-mcp.
  (After the whole suite, the runner checks the audit log once more for every request k-mcp sent.)

  Background:
    Given a namespace "shop"
    And an agent who may do anything on the cluster

  Scenario: The agent is offered no tool that deletes
    When the agent looks at the tools k-mcp offers
    Then the tools are:
      | resource_list      |
      | resource_get       |
      | resource_types     |
      | resource_apply     |
      | workload_diagnose  |
      | namespace_overview |
      | cluster_overview   |
      | events_list        |
      | pod_logs           |
      | access_review      |
    And every tool but "resource_apply" is marked read-only

  Scenario: An object left out of a later manifest is not pruned
    Given the agent's user approves changes
    And the agent has applied:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: first
        namespace: shop
      data:
        color: blue
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: second
        namespace: shop
      data:
        color: blue
      """
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: first
        namespace: shop
      data:
        color: green
      """
    Then the call succeeds
    And the config map "first" in namespace "shop" has "color" set to "green"
    And the config map "second" in namespace "shop" still has "color" set to "blue"
    And the cluster recorded k-mcp's changes to config maps in namespace "shop"
    And the cluster recorded no delete request from k-mcp

  Scenario: A field another manager owns stays when the agent's manifest leaves it out
    Given the platform team's tool "platform-operator" has set "region" to "eu-west" in config map "settings" of namespace "shop"
    And the agent's user approves changes
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: green
      """
    Then the call succeeds
    And the config map "settings" in namespace "shop" has "color" set to "green"
    And the config map "settings" in namespace "shop" still has "region" set to "eu-west"
    And the cluster recorded k-mcp's changes to config maps in namespace "shop"
    And the cluster recorded no delete request from k-mcp
