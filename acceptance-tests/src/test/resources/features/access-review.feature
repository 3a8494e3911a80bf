@access-review
Feature: An agent asks what it may do
  access_review answers from the API server's own reviews of the agent's token: who it is, what RBAC
  grants it in a namespace, and whether one action is allowed. What k-mcp refuses whatever RBAC grants
  (restricted kinds, and any deletion) is marked as such, so an agent never plans on it.

  Background:
    Given the namespace "shop" holds these config maps:
      | name     | labels   | data       |
      | settings | tier=web | color=blue |

  Scenario: An agent learns who its token makes it
    Given an agent without any permissions
    When the agent reviews its access
    Then the call succeeds
    And the answer names the agent's service account
    And the answer says "system:serviceaccounts"
    And the answer says "system:authenticated"

  Scenario: The rules in a namespace mark restricted kinds and deletion
    Given an agent who may read and write config maps in namespace "shop"
    And the agent is also granted "delete" on "configmaps" in namespace "shop"
    And the agent is also granted "get, list" on "secrets" in namespace "shop"
    When the agent reviews its access in namespace "shop"
    Then the call succeeds
    And the answer says "RBAC grants in namespace shop"
    And the answer says "configmaps: create, get, list, patch, update, watch; delete never offered by k-mcp"
    And the answer says "secrets: get, list — restricted by k-mcp"

  Scenario: One action is allowed, another denied, and a restricted kind is refused whatever RBAC says
    Given an agent who may read config maps in namespace "shop"
    And the agent is also granted "get" on "secrets" in namespace "shop"
    When the agent checks whether it may "list" "cm" in namespace "shop"
    Then the call succeeds
    And the answer says "Yes: list configmaps in namespace shop: RBAC allows it"
    When the agent checks whether it may "create" "configmaps" in namespace "shop"
    Then the call succeeds
    And the answer says "No: create configmaps in namespace shop: RBAC denies it"
    When the agent checks whether it may "get" "secrets" in namespace "shop"
    Then the answer says "No: get secrets in namespace shop is never done by k-mcp"

  Scenario: A resource k-mcp cannot resolve is refused with what to do next
    Given an agent who may read config maps in namespace "shop"
    When the agent checks whether it may "get" "widgetz" in namespace "shop"
    Then the call fails
    And the answer says "No resource type on this cluster matches"
