@restricted-kinds
Feature: Restricted kinds
  Secrets, service accounts and everything in rbac.authorization.k8s.io are out of reach through k-mcp,
  whatever the caller's RBAC allows: they are absent from the types an agent can discover, and any
  attempt to list, read or write one is refused plainly, before the cluster is asked.

  Background:
    Given a namespace "shop"
    And the namespace "shop" holds a secret "db-password" with "password" set to "hunter2-hunter2"
    And an agent who may do anything on the cluster

  Scenario: Restricted types are not among the types the agent can use
    When the agent asks which resource types the cluster offers
    Then the call succeeds
    And the answer says "configmaps"
    And the answer says "deployments"
    And the answer does not mention "secrets"
    And the answer does not mention "serviceaccounts"
    And the answer does not mention "rbac.authorization.k8s.io"

  Scenario Outline: Listing "<type>" is refused by policy
    When the agent lists "<type>" in namespace "shop"
    Then the call fails
    And the answer says "restricted by this server's policy"

    Examples:
      | type                                   |
      | secrets                                |
      | Secret                                 |
      | v1/Secret                              |
      | sa                                     |
      | serviceaccounts                        |
      | roles.rbac.authorization.k8s.io        |
      | rolebindings                           |
      | clusterroles.rbac.authorization.k8s.io |

  Scenario: Reading a secret is refused, and the cluster is never asked for it
    When the agent gets the "secret" named "db-password" in namespace "shop"
    Then the call fails
    And the answer says "restricted by this server's policy"
    And the answer does not mention "hunter2-hunter2"
    And k-mcp sent the cluster no request for "secrets"

  Scenario: One restricted document refuses the whole request
    Given the agent's user approves changes
    When the agent applies:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: innocent
        namespace: shop
      data:
        color: blue
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: make-me-admin
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: Group
          name: system:authenticated
          apiGroup: rbac.authorization.k8s.io
      """
    Then the call fails
    And the answer says "restricted by this server's policy"
    And the answer says "Nothing was applied"
    And the agent's user was not asked anything
    And there is no config map "innocent" in namespace "shop"
    And k-mcp sent the cluster no request to change anything

  Scenario: Writing a secret is refused
    Given the agent's user approves changes
    When the agent applies:
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: planted
        namespace: shop
      stringData:
        token: abc
      """
    Then the call fails
    And the answer says "restricted by this server's policy"
    And k-mcp sent the cluster no request for "secrets"
