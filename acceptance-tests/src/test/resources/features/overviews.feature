@overviews @workloads
Feature: Overviews, events and logs, within a budget
  Before and after a diagnosis, the agent looks around: what is unhealthy in a namespace and why, one
  line each; the nodes of the cluster; the warnings about one pod, grouped; the tail of a log, the log
  of the run that crashed, the lines that matter. Every answer fits the budget the agent gives, and a
  cut answer says what was left out and which call gets it. (Workloads must run for this, so these
  scenarios run on the local target only.)

  Scenario: The namespace overview names each unhealthy workload with its cause, and the pending pods
    Given an agent who may read workloads in namespace "shop"
    And a healthy deployment "web" with 2 replicas in namespace "shop"
    And a deployment "orders" in namespace "shop" whose container keeps crashing
    And a deployment "reports" in namespace "shop" that asks for more CPU than any node has
    When the agent asks for an overview of namespace "shop"
    Then the call succeeds
    And the overview names the deployment "orders" as unhealthy because of "CrashLoopBackOff", on one line
    And the overview names the deployment "reports" as unhealthy because of "Unschedulable", on one line
    And the overview does not name the deployment "web" as unhealthy
    And the overview names the pod of "reports" in namespace "shop" as pending, saying "Insufficient cpu"

  Scenario: The cluster overview lists the nodes
    Given an agent who may read workloads across the cluster
    When the agent asks for an overview of the cluster
    Then the call succeeds
    And the answer names every node of the cluster

  Scenario: The warnings about one pod come grouped, and no more groups than asked for
    Given an agent who may read workloads in namespace "shop"
    And a deployment "orders" in namespace "shop" whose container keeps crashing
    And the pod of "orders" in namespace "shop" was warned 3 more times with "BackOff": "Back-off restarting failed container"
    When the agent lists the events about the pod of "orders" in namespace "shop", at most 1 group
    Then the call succeeds
    And the answer shows the warnings "BackOff" about the pod of "orders" in namespace "shop" as one group
    And every event group in the answer is about the pod of "orders" in namespace "shop"
    And the answer holds 1 event group, and says more were left out

  Scenario: The tail of a container's log
    Given an agent who may read workloads in namespace "shop"
    And a healthy deployment "web" with 1 replica in namespace "shop"
    When the agent reads the last 2 lines of the log of the pod of "web" in namespace "shop"
    Then the call succeeds
    And the log shows the lines "GET /healthz 200" and "GET /api/orders 200", and no other
    And the log does not show "listening on :8080"

  Scenario: The log of the run that crashed, not of the one waiting to restart
    Given an agent who may read workloads in namespace "shop"
    And a deployment "orders" in namespace "shop" whose container keeps crashing
    And the current run of "orders" in namespace "shop" has logged only "restarting after back-off"
    When the agent reads the log of the crashed run of the pod of "orders" in namespace "shop"
    Then the call succeeds
    And the answer says "previous instance"
    And the log shows "panic: cannot connect to database at db:5432"
    And the log does not show "restarting after back-off"
    When the agent reads the log of the pod of "orders" in namespace "shop"
    Then the log shows "restarting after back-off"
    And the log does not show "panic: cannot connect to database at db:5432"

  Scenario: Only the lines of the log that match
    Given an agent who may read workloads in namespace "shop"
    And a deployment "orders" in namespace "shop" whose container keeps crashing
    When the agent reads the log of the crashed run of the pod of "orders" in namespace "shop", keeping the lines with "CONNECT"
    Then the call succeeds
    And every line of the log shown contains "connect", and there are 3
    And the log shows "panic: cannot connect to database at db:5432"
    And the log does not show "loading configuration"

  Scenario Outline: A small budget cuts the answer of <tool>, says so at its end, and is never exceeded
    Given an agent who may read workloads in namespace "shop"
    And a deployment "orders" in namespace "shop" whose container keeps crashing
    And a deployment "reports" in namespace "shop" that asks for more CPU than any node has
    When <call> in at most <maxChars> characters
    Then the call succeeds
    And the answer is no longer than <maxChars> characters
    And the answer ends with a line saying what was left out and which call gets it

    Examples:
      | tool               | call                                                  | maxChars |
      | workload_diagnose  | the agent diagnoses "orders" in namespace "shop"      | 400      |
      | namespace_overview | the agent asks for an overview of namespace "shop"    | 300      |
      | events_list        | the agent lists the events of namespace "shop"        | 300      |

  Scenario: A summary of the pods of a namespace names the unhealthy ones and why
    Given an agent who may read workloads in namespace "shop"
    And a healthy deployment "web" with 2 replicas in namespace "shop"
    And a deployment "orders" in namespace "shop" whose container keeps crashing
    And a deployment "catalog" in namespace "shop" whose image cannot be pulled
    When the agent lists "pods" in namespace "shop" as a summary
    Then the call succeeds
    And the answer names the pod of "orders" in namespace "shop" as not healthy, because of "CrashLoopBackOff"
    And the answer names the pod of "catalog" in namespace "shop" as not healthy, because of "ImagePullBackOff"
    And the answer does not name the pods of "web" in namespace "shop"

  # At 300 characters the overview is only truncation markers: the headline, which the budget is to cut
  # last, is itself replaced by "… 2 more lines omitted", while the title of the section of unhealthy
  # workloads and two more markers stay.

  Scenario: A small budget keeps the headline of a namespace overview
    Given an agent who may read workloads in namespace "shop"
    And a deployment "orders" in namespace "shop" whose container keeps crashing
    And a deployment "reports" in namespace "shop" that asks for more CPU than any node has
    When the agent asks for an overview of namespace "shop" in at most 300 characters
    Then the call succeeds
    And the answer begins with "Namespace shop: 2 unhealthy workloads"

  @deletion
  Scenario: A namespace whose deletion the finalizer of its content holds up is named first, with that finalizer
    Given an agent who may read workloads across the cluster
    And the namespace "attic" holds a config map "keep" held by the finalizer "example.com/hold"
    And the namespace "attic" was deleted
    When the agent asks for an overview of namespace "attic"
    Then the call succeeds
    And the overview names the namespace "attic" first, as unhealthy because of "DeletionBlocked", saying "example.com/hold"
