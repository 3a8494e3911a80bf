{{/* Names: at most 63 characters, the limit of a DNS label and of a label value. */}}
{{- define "k-mcp.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "k-mcp.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "k-mcp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "k-mcp.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "k-mcp.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "k-mcp.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "k-mcp.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "k-mcp.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "k-mcp.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Where the pod sees its configuration: application.yaml and each cluster's CA. */}}
{{- define "k-mcp.configDir" -}}/etc/k-mcp/config{{- end }}
{{- define "k-mcp.requestStateDir" -}}/etc/k-mcp/request-state{{- end }}

{{/*
The clusters k-mcp is configured for, as JSON {"clusters": [...]}: the `clusters` value, or the
in-cluster API server when that list is empty. Each carries where its CA comes from (caFrom:
inline, configMap or none) and the file the pod reads it from (caFile).
*/}}
{{- define "k-mcp.clusters" -}}
{{- $clusters := list }}
{{- if .Values.clusters }}
{{- range .Values.clusters }}
{{- $cluster := dict "name" .name "apiServer" .apiServer "tlsServerName" (default "" .tlsServerName) "issuer" (default "" .issuer) "caFrom" "none" }}
{{- if .certificateAuthority }}
{{- $_ := set $cluster "caFrom" "inline" }}
{{- $_ := set $cluster "caPem" .certificateAuthority }}
{{- else if .caConfigMap }}
{{- $_ := set $cluster "caFrom" "configMap" }}
{{- $_ := set $cluster "caConfigMap" .caConfigMap }}
{{- end }}
{{- $clusters = append $clusters $cluster }}
{{- end }}
{{- else if .Values.inCluster.enabled }}
{{- $clusters = append $clusters (dict "name" "in-cluster" "apiServer" "https://kubernetes.default.svc" "tlsServerName" "" "issuer" "" "caFrom" "configMap" "caConfigMap" (dict "name" "kube-root-ca.crt" "key" "ca.crt")) }}
{{- end }}
{{- range $clusters }}
{{- if ne .caFrom "none" }}
{{- $_ := set . "caFile" (printf "%s/clusters/%s/ca.crt" (include "k-mcp.configDir" $) .name) }}
{{- end }}
{{- end }}
{{- dict "clusters" $clusters | toJson }}
{{- end }}

{{/* The name of the Secret holding the request-state keys, empty when none is configured. */}}
{{- define "k-mcp.requestStateSecret" -}}
{{- if .Values.requestState.existingSecret }}
{{- .Values.requestState.existingSecret }}
{{- else if or .Values.requestState.key .Values.requestState.keyBase64 }}
{{- printf "%s-request-state" (include "k-mcp.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* The keys of that Secret, in order (the first signs), as JSON {"keys": [...]}. */}}
{{- define "k-mcp.requestStateKeys" -}}
{{- if .Values.requestState.existingSecret }}
{{- dict "keys" .Values.requestState.existingSecretKeys | toJson }}
{{- else if or .Values.requestState.key .Values.requestState.keyBase64 }}
{{- dict "keys" (list "key") | toJson }}
{{- else }}
{{- dict "keys" (list) | toJson }}
{{- end }}
{{- end }}

{{/*
What values.schema.json cannot say: rules across values. Each message starts with the value to
change.
*/}}
{{- define "k-mcp.validate" -}}
{{- $v := .Values }}
{{- if and (not $v.clusters) (not $v.inCluster.enabled) }}
{{- fail "clusters: no cluster to serve: list at least one in `clusters`, or set inCluster.enabled=true for the cluster k-mcp runs in" }}
{{- end }}
{{- $names := dict }}
{{- range $i, $c := $v.clusters }}
{{- if hasKey $names $c.name }}
{{- fail (printf "clusters[%d].name: %q is used by another cluster; names must be unique" $i $c.name) }}
{{- end }}
{{- $_ := set $names $c.name true }}
{{- if and $c.certificateAuthority $c.caConfigMap }}
{{- fail (printf "clusters[%d] (%s): give its CA either inline (certificateAuthority) or from a ConfigMap (caConfigMap), not both" $i $c.name) }}
{{- end }}
{{- end }}
{{- $rs := $v.requestState }}
{{- $given := 0 }}
{{- if $rs.existingSecret }}{{ $given = add1 $given }}{{ end }}
{{- if $rs.key }}{{ $given = add1 $given }}{{ end }}
{{- /* The schema checks these lengths too; these hold under --skip-schema-validation. */}}
{{- if and $rs.key (lt (len $rs.key) 32) }}
{{- fail (printf "requestState.key: the key is %d bytes, it must be at least 32" (len $rs.key)) }}
{{- end }}
{{- if $rs.keyBase64 }}{{ $given = add1 $given }}{{ end }}
{{- if gt $given 1 }}
{{- fail "requestState: give one of existingSecret, key and keyBase64, not several" }}
{{- end }}
{{- if and $rs.existingSecret (not $rs.existingSecretKeys) }}
{{- fail "requestState.existingSecretKeys: list the keys of the Secret requestState.existingSecret to use, the signing one first" }}
{{- end }}
{{- if $rs.keyBase64 }}
{{- $compact := $rs.keyBase64 | nospace }}
{{- $bytes := b64dec $compact }}
{{- /* b64dec answers an error text instead of failing: a round trip tells a valid encoding. */}}
{{- if ne (b64enc $bytes) $compact }}
{{- fail "requestState.keyBase64: not valid base64; e.g. head -c 32 /dev/urandom | base64" }}
{{- end }}
{{- if lt (len $bytes) 32 }}
{{- fail (printf "requestState.keyBase64: the key is %d bytes, it must be at least 32; e.g. head -c 32 /dev/urandom | base64" (len $bytes)) }}
{{- end }}
{{- end }}
{{- $replicas := int $v.replicaCount }}
{{- if $v.autoscaling.enabled }}
{{- $replicas = int $v.autoscaling.maxReplicas }}
{{- if gt (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas) }}
{{- fail (printf "autoscaling.minReplicas: %d is more than autoscaling.maxReplicas (%d)" (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas)) }}
{{- end }}
{{- end }}
{{- if and (gt $replicas 1) (eq $given 0) }}
{{- fail (printf "requestState: %d replicas need a shared request-state key, or a confirmation asked by one replica cannot be answered by another: set requestState.existingSecret (a Secret with a key of at least 32 bytes), requestState.keyBase64 or requestState.key; or run replicaCount=1 without autoscaling" $replicas) }}
{{- end }}
{{- if and $v.networkPolicy.enabled (not $v.networkPolicy.apiServers) }}
{{- fail "networkPolicy.apiServers: with networkPolicy.enabled, list the API servers' addresses and ports (cidr, ports), or k-mcp can reach none of them" }}
{{- end }}
{{- if and $v.httpRoute.enabled (not $v.httpRoute.parentRefs) }}
{{- fail "httpRoute.parentRefs: with httpRoute.enabled, name the Gateway the route attaches to" }}
{{- end }}
{{- end }}
