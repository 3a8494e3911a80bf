@rbac
Feature: The caller's RBAC decides
  k-mcp has no permissions of its own: it forwards the agent's token, the API server's RBAC decides,
  and a denial tells the agent exactly what it may not do and where, so it can ask for the grant.

  Background:
    Given the namespace "shop" holds these config maps:
      | name     | labels   | data       |
      | settings | tier=web | color=blue |

  Scenario: An agent without any grant is told what it may not do
    Given an agent without any permissions
    When the agent lists "configmaps" in namespace "shop"
    Then the call fails
    And the answer says "RBAC denied"
    And the answer says "cannot list configmaps in namespace shop"
    And the answer names the agent's service account

  Scenario: An agent allowed in one namespace is pointed at it when it lists all of them
    Given an agent who may read config maps in namespace "shop"
    When the agent lists "configmaps" without naming a namespace
    Then the call fails
    And the answer says "cannot list configmaps across all namespaces"
    And the answer says "name a namespace"

  Scenario: An agent that may read but not write is refused before anything is applied
    Given an agent who may read config maps in namespace "shop"
    When the agent previews applying:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: green
      """
    Then the call fails
    And the answer says "cannot patch configmaps in namespace shop"
    And the config map "settings" in namespace "shop" still has "color" set to "blue"

  Scenario: Reading in a namespace the agent was not granted is refused
    Given the namespace "vault" holds these config maps:
      | name   | labels   | data     |
      | hidden | tier=web | key=seen |
    And an agent who may read config maps in namespace "shop"
    When the agent gets the "configmap" named "hidden" in namespace "vault"
    Then the call fails
    And the answer says "cannot get configmaps in namespace vault"
    And the answer does not mention "seen"
