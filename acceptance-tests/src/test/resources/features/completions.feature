@completions
Feature: A person picks an object to inspect, completed as they type
  k-mcp serves one prompt, inspect, whose namespace, type and name a client completes while its user
  types (completion/complete). Completions run with the agent's own token: they offer only what RBAC
  lets it list, never a restricted kind nor the names of its objects, at most 100 values with how many
  there are, and nothing (not an error) where the agent may not list.

  Background:
    Given the namespace "shop" holds these config maps:
      | name     | labels   | data       |
      | settings | tier=web | color=blue |
      | sessions | tier=web | color=red  |
      | banner   | tier=web | color=red  |
    And the namespace "shop" holds a secret "session-key" with "key" set to "s3cret"

  Scenario: Resource types complete from a prefix, and no restricted kind is ever offered
    Given an agent who may read config maps in namespace "shop"
    Then k-mcp offers the prompt "inspect"
    When the agent completes the type of the inspect prompt from "config"
    Then the completion offers "configmaps"
    When the agent completes the type of the inspect prompt from "se"
    Then the completion offers "services"
    And the completion does not offer "secrets"
    And the completion does not offer "serviceaccounts"
    When the agent completes the type of the inspect prompt from ""
    Then the completion offers at most 100 values, and says how many there are
    And the completion offers "deployments.apps"
    And the completion does not offer "secrets"
    And the completion offers no type of the API group "rbac.authorization.k8s.io"

  Scenario: Namespaces are offered only to an agent that may list them
    Given an agent who may read namespaces across the cluster
    When the agent completes the namespace of the inspect prompt from "shop"
    Then the completion offers "shop"
    Given another agent who may read config maps in namespace "shop"
    When the other agent completes the namespace of the inspect prompt from "shop"
    Then the completion offers nothing

  Scenario: Names are those of the type in the namespace; a restricted kind's are never offered
    Given an agent who may read config maps in namespace "shop"
    And the agent is also granted "get, list" on "secrets" in namespace "shop"
    When the agent completes the name of the inspect prompt from "se" for "configmaps" in namespace "shop"
    Then the completion offers exactly "sessions" and "settings"
    When the agent completes the name of the inspect prompt from "se" for "secrets" in namespace "shop"
    Then the completion offers nothing
    When the agent completes the name of the inspect prompt from "" for "deployments.apps" in namespace "shop"
    Then the completion offers nothing

  Scenario: Over the 2026-07-28 protocol names complete the same, and an unknown argument is refused
    Given an agent who may read config maps in namespace "shop"
    When the agent completes, over the 2026-07-28 protocol, the name of the inspect prompt from "se" for "cm" in namespace "shop"
    Then the completion offers exactly "sessions" and "settings"
    When the agent completes, over the 2026-07-28 protocol, the argument "container" of the inspect prompt from "a"
    Then the request is refused with "container"

  Scenario: The prompt tells the agent which calls find out the object's state
    Given an agent who may read config maps in namespace "shop"
    When the agent asks for the inspect prompt with type "configmaps" and name "settings" in namespace "shop"
    Then the prompt says 'call resource_get with resource "configmaps", name "settings", namespace "shop"'
    When the agent asks for the inspect prompt with type "secrets" and name "session-key" in namespace "shop"
    Then the request is refused with "secrets is restricted by this server's policy"

  Scenario: A prompt that does not exist, or a value too long, is refused plainly
    Given an agent without any permissions
    When the agent completes the argument "type" of the prompt "delete-everything" from "a"
    Then the request is refused with "delete-everything"
    When the agent completes the argument "namespace" of the prompt "inspect" from "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
    Then the request is refused with "`namespace` is 70 characters long; at most 63 are accepted"
