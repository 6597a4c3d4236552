{{/*
  The settings of one xApp: its entry under .Values.xapps over .Values.defaults. enabled (default
  true) and replicas (default 1) belong to the entry alone and are read with hasKey, since
  mergeOverwrite would not put a false or a 0 over a default. Call with
  (dict "root" $ "name" $name "entry" $entry); returns JSON.
*/}}
{{- define "xapps.settings" -}}
{{- $d := deepCopy .root.Values.defaults -}}
{{- $e := .entry | default dict -}}
{{- $s := mergeOverwrite $d (deepCopy $e) -}}
{{- $_ := set $s "enabled" (ternary $e.enabled true (hasKey $e "enabled")) -}}
{{- $_ := set $s "replicas" (ternary $e.replicas 1 (hasKey $e "replicas")) -}}
{{- toJson $s -}}
{{- end -}}

{{- define "xapps.deploymentName" -}}
{{- printf "%s-%s" (include "ric.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "xapps.group" -}}
{{- default .Release.Name .Values.group -}}
{{- end -}}
