{{/* The release's base name: every object is named from it. */}}
{{- define "figstream.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "figstream.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "figstream.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: streams
{{- end -}}

{{/* Strimzi objects name the Kafka cluster they belong to with this label. */}}
{{- define "figstream.strimziLabels" -}}
{{ include "figstream.labels" . }}
strimzi.io/cluster: {{ .Values.strimzi.cluster }}
{{- end -}}

{{/* The apiVersion of every Strimzi object: kafka.strimzi.io/v1 or v1beta2 (values.yaml says which operators). */}}
{{- define "figstream.strimziApiVersion" -}}
kafka.strimzi.io/{{ .Values.strimzi.apiVersion }}
{{- end -}}

{{/* The KafkaUser of the app; Strimzi names its Secret the same. */}}
{{- define "figstream.user" -}}
{{ include "figstream.fullname" . }}
{{- end -}}

{{- define "figstream.connectUser" -}}
{{ include "figstream.fullname" . }}-connect
{{- end -}}

{{- define "figstream.connect" -}}
{{ include "figstream.fullname" . }}-connect
{{- end -}}

{{- define "figstream.bootstrapServers" -}}
{{- if .Values.strimzi.enabled -}}
{{ .Values.strimzi.cluster }}-kafka-bootstrap:{{ .Values.strimzi.bootstrapPort }}
{{- else -}}
{{ required "kafka.bootstrapServers is required when strimzi.enabled is false" .Values.kafka.bootstrapServers }}
{{- end -}}
{{- end -}}

{{/* Where the Secrets Strimzi makes are mounted: the cluster CA and the user's certificate. */}}
{{- define "figstream.clusterCaDir" -}}/etc/figstream/cluster-ca{{- end -}}
{{- define "figstream.userDir" -}}/etc/figstream/user{{- end -}}

{{/*
Kafka client settings of the app from the Strimzi Secrets, as KAFKA_* variables (the app maps
KAFKA_SSL_KEYSTORE_LOCATION to ssl.keystore.location). Both ways trust the cluster CA, as PKCS12.
*/}}
{{- define "figstream.kafkaSecurityEnv" -}}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PKCS12
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: {{ include "figstream.clusterCaDir" . }}/ca.p12
- name: KAFKA_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.strimzi.cluster }}-cluster-ca-cert
      key: ca.password
{{- if eq .Values.strimzi.authentication "tls" }}
- name: KAFKA_SECURITY_PROTOCOL
  value: SSL
- name: KAFKA_SSL_KEYSTORE_TYPE
  value: PKCS12
- name: KAFKA_SSL_KEYSTORE_LOCATION
  value: {{ include "figstream.userDir" . }}/user.p12
- name: KAFKA_SSL_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "figstream.user" . }}
      key: user.password
{{- else }}
- name: KAFKA_SECURITY_PROTOCOL
  value: SASL_SSL
- name: KAFKA_SASL_MECHANISM
  value: SCRAM-SHA-512
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ include "figstream.user" . }}
      key: sasl.jaas.config
{{- end }}
{{- end -}}

{{- define "figstream.image" -}}
{{- $repo := ternary .Values.image.tensorrtRepository .Values.image.repository .Values.gpu.enabled -}}
{{ $repo }}:{{ .Values.image.tag }}
{{- end -}}
