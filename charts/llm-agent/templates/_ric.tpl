{{/*
  Helpers shared by the e2-termination, xapps, policies and llm-agent charts. The four copies of
  this file are byte-identical (ChartSourcesTest checks it): change one, copy it to the others.
  Under the umbrella chart every subchart defines the same names with the same text, so whichever
  copy Helm keeps renders the same. Every helper takes the chart's own context (.).

  Precedence: a value under .Values.global (set once in the umbrella chart) wins over the chart's
  own value; maps (kafka.config, kafka.secretKeys) are merged key by key, global keys winning.
*/}}

{{- define "ric.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ric.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "ric.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ric.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "ric.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "ric.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: oran-ric
{{- end -}}

{{/* The container image: global.image.* wins, then image.*; the tag defaults to the appVersion. */}}
{{- define "ric.image" -}}
{{- $g := dig "image" (dict) (.Values.global | default dict) -}}
{{- $repo := coalesce $g.repository .Values.image.repository -}}
{{- $tag := coalesce $g.tag .Values.image.tag .Chart.AppVersion -}}
{{- printf "%s:%s" $repo (toString $tag) -}}
{{- end -}}

{{- define "ric.imagePullPolicy" -}}
{{- $g := dig "image" (dict) (.Values.global | default dict) -}}
{{- coalesce $g.pullPolicy .Values.image.pullPolicy "IfNotPresent" -}}
{{- end -}}

{{- define "ric.imagePullSecrets" -}}
{{- $secrets := concat (dig "imagePullSecrets" (list) (.Values.global | default dict)) (.Values.imagePullSecrets | default list) | uniq -}}
{{- with $secrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* How this release reaches Kafka, as JSON: global.kafka over kafka, key by key. */}}
{{- define "ric.kafkaSettings" -}}
{{- $g := dig "kafka" (dict) (.Values.global | default dict) -}}
{{- $l := .Values.kafka | default dict -}}
{{- $bootstrap := coalesce $g.bootstrapServers $l.bootstrapServers "" -}}
{{- if not $bootstrap -}}
{{- fail "kafka.bootstrapServers (or global.kafka.bootstrapServers) is required: the HOST:PORT list of your Kafka cluster" -}}
{{- end -}}
{{- $config := merge (dict) ($g.config | default dict) ($l.config | default dict) -}}
{{- range $k, $v := $config -}}
{{- if regexMatch "(?i)(password|jaas|secret|token|\\.key$)" $k -}}
{{- fail (printf "kafka.config.%s looks like a secret: put it in a Secret, name the Secret in kafka.existingSecret and map the key in kafka.secretKeys" $k) -}}
{{- end -}}
{{- end -}}
{{- $rf := coalesce (dig "topics" "replicationFactor" 0 (.Values.global | default dict)) (dig "replicationFactor" 0 (.Values.topics | default dict)) 0 -}}
{{- $partitions := coalesce (dig "topics" "partitions" 0 (.Values.global | default dict)) (dig "partitions" 0 (.Values.topics | default dict)) 0 -}}
{{- toJson (dict
      "bootstrapServers" $bootstrap
      "config" $config
      "existingSecret" (coalesce $g.existingSecret $l.existingSecret "")
      "secretKeys" (merge (dict) ($g.secretKeys | default dict) ($l.secretKeys | default dict))
      "tlsSecret" (coalesce $g.tlsSecret $l.tlsSecret "")
      "replicationFactor" $rf
      "partitions" $partitions) -}}
{{- end -}}

{{/*
  Container env for Kafka, as the backbone reads it: RIC_KAFKA_BOOTSTRAP_SERVERS, one
  RIC_KAFKA_<KEY> per client setting (dots as underscores), secrets only by reference, and
  RIC_TOPIC_REPLICATION_FACTOR and RIC_TOPIC_PARTITIONS for topics the service creates.
*/}}
{{- define "ric.kafkaEnv" -}}
{{- $k := include "ric.kafkaSettings" . | fromJson -}}
- name: RIC_KAFKA_BOOTSTRAP_SERVERS
  value: {{ $k.bootstrapServers | quote }}
{{- range $key, $value := $k.config }}
- name: {{ printf "RIC_KAFKA_%s" ($key | replace "." "_" | upper) }}
  value: {{ toString $value | quote }}
{{- end }}
{{- if $k.existingSecret }}
{{- range $key, $secretKey := $k.secretKeys }}
- name: {{ printf "RIC_KAFKA_%s" ($key | replace "." "_" | upper) }}
  valueFrom:
    secretKeyRef:
      name: {{ $k.existingSecret | quote }}
      key: {{ $secretKey | quote }}
{{- end }}
{{- end }}
{{- if $k.replicationFactor }}
- name: RIC_TOPIC_REPLICATION_FACTOR
  value: {{ toString (int $k.replicationFactor) | quote }}
{{- end }}
{{- if $k.partitions }}
- name: RIC_TOPIC_PARTITIONS
  value: {{ toString (int $k.partitions) | quote }}
{{- end }}
{{- end -}}

{{/* A kafka.existingSecret without kafka.secretKeys: every key of it becomes env (name keys RIC_KAFKA_*). */}}
{{- define "ric.kafkaEnvFrom" -}}
{{- $k := include "ric.kafkaSettings" . | fromJson -}}
{{- if and $k.existingSecret (not $k.secretKeys) }}
- secretRef:
    name: {{ $k.existingSecret | quote }}
{{- end }}
{{- end -}}

{{/* Where kafka.tlsSecret (trust store, key store) is mounted: point ssl.*.location here. */}}
{{- define "ric.kafkaTlsDir" -}}/etc/ric/kafka-tls{{- end -}}

{{/*
  The network inventory (cells, nodes, slices, coverage areas) as JSON: {name, create, data}.
  name: the ConfigMap to mount ("" when there is none); create: this chart renders it itself.
  Order: networkInventory.existingConfigMap, global.networkInventory.existingConfigMap,
  global.networkInventory.data (the umbrella renders <release>-network-inventory), then this
  chart's own networkInventory.data (rendered as <fullname>-network-inventory).
*/}}
{{- define "ric.inventory" -}}
{{- $g := dig "networkInventory" (dict) (.Values.global | default dict) -}}
{{- $l := .Values.networkInventory | default dict -}}
{{- if $l.existingConfigMap -}}
{{- toJson (dict "name" $l.existingConfigMap "create" false "checksum" "") -}}
{{- else if $g.existingConfigMap -}}
{{- toJson (dict "name" $g.existingConfigMap "create" false "checksum" "") -}}
{{- else if $g.data -}}
{{- toJson (dict "name" (printf "%s-network-inventory" .Release.Name | trunc 63 | trimSuffix "-") "create" false "checksum" (toJson $g.data | sha256sum)) -}}
{{- else if $l.data -}}
{{- toJson (dict "name" (printf "%s-network-inventory" (include "ric.fullname" .) | trunc 63 | trimSuffix "-") "create" true "data" $l.data "checksum" (toJson $l.data | sha256sum)) -}}
{{- else -}}
{{- toJson (dict "name" "" "create" false "checksum" "") -}}
{{- end -}}
{{- end -}}

{{- define "ric.inventoryFile" -}}/etc/ric/inventory/network.json{{- end -}}

{{/* Volumes every RIC pod uses: a writable /tmp, and the Kafka TLS and inventory mounts when set. */}}
{{- define "ric.volumes" -}}
- name: tmp
  emptyDir: {}
{{- $k := include "ric.kafkaSettings" . | fromJson }}
{{- if $k.tlsSecret }}
- name: kafka-tls
  secret:
    secretName: {{ $k.tlsSecret | quote }}
{{- end }}
{{- $inv := include "ric.inventory" . | fromJson }}
{{- if $inv.name }}
- name: network-inventory
  configMap:
    name: {{ $inv.name | quote }}
{{- end }}
{{- end -}}

{{- define "ric.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- $k := include "ric.kafkaSettings" . | fromJson }}
{{- if $k.tlsSecret }}
- name: kafka-tls
  mountPath: {{ include "ric.kafkaTlsDir" . }}
  readOnly: true
{{- end }}
{{- $inv := include "ric.inventory" . | fromJson }}
{{- if $inv.name }}
- name: network-inventory
  mountPath: /etc/ric/inventory
  readOnly: true
{{- end }}
{{- end -}}

{{/* JVM options for the ./ric launcher (RIC_JAVA_OPTS) and the chart's extra env. */}}
{{- define "ric.commonEnv" -}}
- name: RIC_JAVA_OPTS
  value: {{ .Values.javaOpts | quote }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Startup, readiness and liveness probes on the health server (port "http"). */}}
{{- define "ric.probes" -}}
{{- $p := .Values.probes -}}
startupProbe:
  httpGet:
    path: {{ $p.path }}
    port: http
  {{- toYaml $p.startup | nindent 2 }}
readinessProbe:
  httpGet:
    path: {{ $p.path }}
    port: http
  {{- toYaml $p.readiness | nindent 2 }}
livenessProbe:
  httpGet:
    path: {{ $p.path }}
    port: http
  {{- toYaml $p.liveness | nindent 2 }}
{{- end -}}

{{/* Pod-level settings shared by every RIC pod. */}}
{{- define "ric.podSpecCommon" -}}
# RIC_KAFKA_* variables are Kafka client settings: keep Kubernetes' service-link variables
# (a Service named ric-kafka would inject RIC_KAFKA_PORT=...) out of the environment.
enableServiceLinks: false
automountServiceAccountToken: false
{{- include "ric.imagePullSecrets" . }}
{{- with .Values.podSecurityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- end -}}

{{/* Pod annotations: the chart's, plus a checksum that rolls the pods when the inventory changes. */}}
{{- define "ric.podAnnotations" -}}
{{- $a := deepCopy (.Values.podAnnotations | default dict) -}}
{{- $inv := include "ric.inventory" . | fromJson -}}
{{- if $inv.checksum -}}
{{- $_ := set $a "checksum/network-inventory" $inv.checksum -}}
{{- end -}}
{{- if $a -}}
{{- toYaml $a -}}
{{- end -}}
{{- end -}}

{{/* The inventory ConfigMap, when this chart renders its own (standalone install with networkInventory.data). */}}
{{- define "ric.inventoryConfigMap" -}}
{{- $inv := include "ric.inventory" . | fromJson -}}
{{- if $inv.create }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $inv.name }}
  labels:
    {{- include "ric.labels" . | nindent 4 }}
    app.kubernetes.io/component: network-inventory
data:
  network.json: |
    {{- toPrettyJson $inv.data | nindent 4 }}
{{- end }}
{{- end -}}

{{/* A Prometheus-operator ServiceMonitor on the Services labelled oranric.io/metrics, port "http" (/metrics). */}}
{{- define "ric.serviceMonitor" -}}
{{- $m := .Values.serviceMonitor -}}
{{- if $m.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "ric.fullname" . }}
  {{- with $m.namespace }}
  namespace: {{ . }}
  {{- end }}
  labels:
    {{- include "ric.labels" . | nindent 4 }}
    {{- with $m.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  namespaceSelector:
    matchNames:
      - {{ .Release.Namespace }}
  selector:
    matchLabels:
      {{- include "ric.selectorLabels" . | nindent 6 }}
      oranric.io/metrics: "true"
  endpoints:
    - port: http
      path: /metrics
      interval: {{ $m.interval }}
      scrapeTimeout: {{ $m.scrapeTimeout }}
{{- end }}
{{- end -}}
