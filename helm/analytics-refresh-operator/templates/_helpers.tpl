{{/* The release's full name, at most 63 characters. */}}
{{- define "analytics-refresh-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "analytics-refresh-operator.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Labels that select the operator Pods. */}}
{{- define "analytics-refresh-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "analytics-refresh-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "analytics-refresh-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The rules the operator needs on AnalyticsRefresh resources and what it makes of them. */}}
{{- define "analytics-refresh-operator.rules" -}}
- apiGroups: ["analytics.dailycup.io"]
  resources: ["analyticsrefreshes"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["analytics.dailycup.io"]
  resources: ["analyticsrefreshes/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["analytics.dailycup.io"]
  resources: ["analyticsrefreshes/finalizers"]
  verbs: ["update"]
- apiGroups: ["batch"]
  resources: ["cronjobs"]
  verbs: ["get", "list", "watch", "create", "patch", "update"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end -}}

{{- define "analytics-refresh-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "analytics-refresh-operator.jobImage" -}}
{{- printf "%s:%s" .Values.jobImage.repository (default .Chart.AppVersion .Values.jobImage.tag) -}}
{{- end -}}
