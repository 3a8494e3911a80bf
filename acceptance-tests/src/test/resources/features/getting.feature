@getting
Feature: Getting one object
  An agent reads one object as YAML, as the API server holds it but without managed fields and the
  last-applied annotation, which only cost it tokens.

  Background:
    Given the namespace "shop" holds these config maps:
      | name     | labels   | data       |
      | settings | tier=web | color=blue |
    And the config map "settings" in namespace "shop" carries the last-applied annotation of kubectl

  Scenario: The agent reads a config map as YAML
    Given an agent who may read config maps in namespace "shop"
    When the agent gets the "configmap" named "settings" in namespace "shop"
    Then the call succeeds
    And the answer says "name: settings"
    And the answer says "color: blue"
    And the answer does not mention "managedFields"
    And the answer does not mention "last-applied-configuration"

  Scenario: An object that does not exist is reported as missing, by name
    Given an agent who may read config maps in namespace "shop"
    When the agent gets the "configmap" named "no-such-thing" in namespace "shop"
    Then the call fails
    And the answer says "no-such-thing"
    And the answer says "not found"

  Scenario: An agent that cannot ask its user is told which argument is missing
    Given an agent who may read config maps in namespace "shop"
    And the agent's client cannot ask its user anything
    When the agent gets the "configmap" named "settings" without naming a namespace
    Then the call fails
    And the answer says "namespace"

  Scenario: An agent whose user can be asked gets the namespace from them
    Given an agent who may read config maps in namespace "shop"
    And the agent's user would answer "shop" when asked for a namespace
    When the agent gets the "configmap" named "settings" without naming a namespace
    Then the call succeeds
    And the answer says "color: blue"
    And the agent's user was asked for "namespace"
