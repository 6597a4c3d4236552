{{- define "ric-suite.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: oran-ric
{{- end -}}

{{/* Must equal what the parts compute in ric.inventory (their _ric.tpl). */}}
{{- define "ric-suite.inventoryName" -}}
{{- printf "%s-network-inventory" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
