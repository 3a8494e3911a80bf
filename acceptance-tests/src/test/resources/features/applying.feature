@applying
Feature: Applying manifests
  An agent creates and changes objects with server-side apply. Every document is checked against the
  policy and dry-run first; the user sees one plan and approves it once; nothing is applied unless
  every check passed and the user agreed. k-mcp never forces ownership of fields another manager owns.

  Background:
    Given a namespace "shop"
    And an agent who may read and write config maps in namespace "shop"

  Scenario: The user approves the plan and the objects are applied
    Given the agent's user approves changes
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: blue
      """
    Then the call succeeds
    And the answer says "Applied 1 document"
    And the answer says "created"
    And the agent's user was asked once, about "ConfigMap shop/settings) will be created"
    And the config map "settings" in namespace "shop" has "color" set to "blue"

  Scenario: The user declines and nothing is applied
    Given the agent's user declines changes
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: blue
      """
    Then the call succeeds
    And the answer says "Declined"
    And the answer says "nothing was applied"
    And there is no config map "settings" in namespace "shop"

  Scenario: The user dismisses the question and nothing is applied
    Given the agent's user dismisses questions
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: blue
      """
    Then the call succeeds
    And the answer says "Cancelled"
    And there is no config map "settings" in namespace "shop"

  Scenario: A dry run shows which fields would change, without asking or applying
    Given the agent's user approves changes
    And the agent has applied:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: blue
      """
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
    Then the call succeeds
    And the answer says "Dry run of 1 document"
    And the answer says "will change data.color"
    And the agent's user was not asked anything
    And the config map "settings" in namespace "shop" still has "color" set to "blue"

  Scenario: A client that cannot ask its user confirms on a second call, once the user approved the plan
    Given the agent's client cannot ask its user anything
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: blue
      """
    Then the call succeeds
    And the answer says "Confirmation required"
    And the answer says "confirm: true"
    And there is no config map "settings" in namespace "shop"
    When the agent applies the same manifest again with confirm: true
    Then the call succeeds
    And the answer says "created"
    And the config map "settings" in namespace "shop" has "color" set to "blue"

  Scenario: Applying what is already there changes nothing and asks nothing
    Given the agent's user approves changes
    And the agent has applied:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: blue
      """
    When the agent applies the same manifest again
    Then the call succeeds
    And the answer says "already as written"
    And the agent's user was not asked anything

  Scenario: A Namespace and its contents in one request: the Namespace goes first
    Given an agent who may read and write namespaces across the cluster
    And the agent may read and write config maps in every namespace
    And there is no namespace "team-a" yet
    And the agent's user approves changes
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: team-settings
        namespace: team-a
      data:
        owner: team-a
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: team-a
      """
    Then the call succeeds
    And the answer says "Applied 2 documents"
    And the agent's user was asked once, about "Namespace team-a) will be created"
    And the question said the ConfigMap "cannot be previewed: it needs document 2" of the request to exist first
    And the namespace "team-a" exists
    And the config map "team-settings" in namespace "team-a" has "owner" set to "team-a"

  Scenario: A field another manager owns is not taken over
    Given the platform team's tool "platform-operator" has set "color" to "blue" in config map "settings" of namespace "shop"
    And the agent's user approves changes
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: red
      """
    Then the call fails
    And the answer says "conflict"
    And the answer says "platform-operator"
    And the agent's user was not asked anything
    And the config map "settings" in namespace "shop" still has "color" set to "blue"

  Scenario: An object the API server finds invalid is rejected with its causes, and nothing is applied
    Given the agent's user approves changes
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: good
        namespace: shop
      data:
        color: blue
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: bad
        namespace: shop
      data:
        "not a valid key!": x
      """
    Then the call fails
    And the answer says "Rejected"
    And the answer says "invalid"
    And the answer says "not a valid key!"
    And the agent's user was not asked anything
    And there is no config map "good" in namespace "shop"
    And there is no config map "bad" in namespace "shop"

  Scenario: A manifest that is not YAML is refused before anything reaches the cluster
    Given the agent's user approves changes
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: [name: broken
      """
    Then the call fails
    And the agent's user was not asked anything
    And k-mcp sent the cluster no request to change anything

  Scenario: A custom type and an object of it in one request: the definition goes first
    Given the API group "delta.example.com" is new to the cluster
    And the agent may read and write custom resource definitions across the cluster
    And the agent may read and write the resource "sprockets.delta.example.com" in namespace "shop"
    And the agent's user approves changes
    When the agent applies:
      """
      apiVersion: delta.example.com/v1
      kind: Sprocket
      metadata:
        name: first-sprocket
        namespace: shop
      spec:
        teeth: 12
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: sprockets.delta.example.com
      spec:
        group: delta.example.com
        scope: Namespaced
        names:
          kind: Sprocket
          plural: sprockets
          singular: sprocket
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
      """
    Then the call succeeds
    And the answer says "Applied 2 documents"
    And the question said the Sprocket "cannot be previewed: it needs document 2" of the request to exist first
    When the agent gets the "sprockets.delta.example.com" named "first-sprocket" in namespace "shop"
    Then the call succeeds
    And the answer says "teeth: 12"
