@type-resolution
Feature: Naming resource types
  An agent names a type the way kubectl does: plural, singular, kind or short name, in any case,
  optionally qualified by group and version. k-mcp never guesses: a name two groups serve is an
  ambiguity listing the candidates, and a near miss gets suggestions, not a silent choice.

  Background:
    Given the namespace "shop" holds these config maps:
      | name     | labels   | data       |
      | settings | tier=web | color=blue |
    And an agent who may read config maps in namespace "shop"

  Scenario Outline: The agent names config maps as "<spelling>"
    When the agent lists "<spelling>" in namespace "shop"
    Then the call succeeds
    And the answer says "settings"

    Examples:
      | spelling      |
      | configmaps    |
      | configmap     |
      | ConfigMap     |
      | CONFIGMAPS    |
      | cm            |
      | configmaps.v1 |
      | v1/ConfigMap  |

  Scenario Outline: The agent names deployments with their group as "<spelling>"
    Given the agent may read the resource "deployments.apps" in namespace "shop"
    When the agent lists "<spelling>" in namespace "shop"
    Then the call succeeds
    And the answer says "deployments.v1.apps"

    Examples:
      | spelling            |
      | deploy              |
      | deployments.apps    |
      | deployments.v1.apps |
      | apps/v1/Deployment  |

  Scenario: The agent learns the exact apiVersion and kind of a type before writing a manifest
    When the agent asks which resource types the cluster offers in the group "apps"
    Then the call succeeds
    And the answer says "Deployment"
    And the answer says "apps/v1"
    And the answer says "deploy"
    And the answer does not mention "ConfigMap"

  Scenario: A kind two API groups serve is an ambiguity, and the agent is given the candidates
    Given the cluster serves a custom type "Widget" in the API group "alpha.example.com"
    And the cluster serves a custom type "Widget" in the API group "beta.example.com"
    And the agent may read the resource "widgets.alpha.example.com" in namespace "shop"
    And the agent may read the resource "widgets.beta.example.com" in namespace "shop"
    And k-mcp has noticed the new types, which takes it up to 10 seconds
    When the agent lists "widgets" in namespace "shop"
    Then the call fails
    And the answer says "matches several resource types"
    And the answer says "widgets.v1.alpha.example.com"
    And the answer says "widgets.v1.beta.example.com"
    When the agent lists "widgets.alpha.example.com" in namespace "shop"
    Then the call succeeds

  Scenario: A near miss gets a suggestion, not a guess
    When the agent lists "confgimaps" in namespace "shop"
    Then the call fails
    And the answer says "Did you mean"
    And the answer says "configmaps"
    And the answer does not mention "settings"

  Scenario: A name nothing resembles says how to find the right one
    When the agent lists "flibbertigibbets" in namespace "shop"
    Then the call fails
    And the answer says "No resource type on this cluster matches"
    And the answer says "resource types"

  Scenario: An agent that has just installed a custom type finds it among the resource types
    Given the API group "gamma.example.com" is new to the cluster
    And the agent may read and write custom resource definitions across the cluster
    And the agent's user approves changes
    And the agent has applied:
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: gadgets.gamma.example.com
      spec:
        group: gamma.example.com
        scope: Namespaced
        names:
          kind: Gadget
          plural: gadgets
          singular: gadget
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
      """
    When the agent asks which resource types the cluster offers in the group "gamma.example.com", until it lists "Gadget"
    Then the answer says "gamma.example.com/v1"
