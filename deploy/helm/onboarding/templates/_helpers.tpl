{{/* Chart name. */}}
{{- define "onboarding.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* "<release>-<chart>", or the release name when it already contains the chart name. */}}
{{- define "onboarding.fullname" -}}
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

{{/*
The four services: values key -> component (resource name suffix) and application (container name,
quarkus.application.name).
*/}}
{{- define "onboarding.services" -}}
gateway: {component: gateway, application: onboarding-gateway}
webhookIngest: {component: webhook-ingest, application: webhook-ingest}
channelState: {component: channel-state, application: channel-state}
keyProvisioner: {component: key-provisioner, application: key-provisioner}
{{- end -}}

{{/* Name of one service's resources. Context: (dict "root" $ "svc" <entry of onboarding.services>). */}}
{{- define "onboarding.componentName" -}}
{{- printf "%s-%s" (include "onboarding.fullname" .root | trunc 47 | trimSuffix "-") .svc.component -}}
{{- end -}}

{{- define "onboarding.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "onboarding.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: onboarding
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "onboarding.selectorLabels" -}}
app.kubernetes.io/name: {{ include "onboarding.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of one service's resources. Context: (dict "root" $ "svc" ...). */}}
{{- define "onboarding.componentLabels" -}}
{{ include "onboarding.labels" .root }}
app.kubernetes.io/component: {{ .svc.component }}
{{- end -}}

{{- define "onboarding.componentSelectorLabels" -}}
{{ include "onboarding.selectorLabels" .root }}
app.kubernetes.io/component: {{ .svc.component }}
{{- end -}}

{{- define "onboarding.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "onboarding.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Image reference of one service. Context: (dict "root" $ "values" <service values>). */}}
{{- define "onboarding.image" -}}
{{- $registry := default .root.Values.image.registry .values.image.registry -}}
{{- $tag := default (default .root.Chart.AppVersion .root.Values.image.tag) .values.image.tag -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .values.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* A Quarkus property name as its environment variable (MicroProfile Config rules). */}}
{{- define "onboarding.envName" -}}
{{- regexReplaceAll "[^A-Za-z0-9]" . "_" | upper -}}
{{- end -}}

{{/* The Kafka TLS stores the chart can mount from Secrets: kafka.truststore and kafka.keystore. */}}
{{- define "onboarding.kafkaStores" -}}
{{- list "truststore" "keystore" | toYaml -}}
{{- end -}}

{{/* Where a Kafka TLS store is mounted. Context: the store's name. */}}
{{- define "onboarding.kafkaStoreDir" -}}
/etc/onboarding/kafka-{{ . }}
{{- end -}}

{{/* The mounted JWT public key of the gateway. */}}
{{- define "onboarding.jwtPublicKeyPath" -}}
/etc/onboarding/jwt/public-key
{{- end -}}

{{/* The gateway's JWT public key ConfigMap: the existing one, or the chart's. */}}
{{- define "onboarding.jwtConfigMapName" -}}
{{- if .Values.gateway.jwt.existingConfigMap -}}
{{- .Values.gateway.jwt.existingConfigMap -}}
{{- else -}}
{{- printf "%s-gateway-jwt" (include "onboarding.fullname" . | trunc 47 | trimSuffix "-") -}}
{{- end -}}
{{- end -}}

{{/*
Appends one secret environment variable to .acc.items: from an existing Secret when .secret is set (a
key it may lack when .optional or not .required), else from the chart's Secret when .value is set. When
neither is and .required is a message, rendering fails with it.
*/}}
{{- define "onboarding.addSecret" -}}
{{- if .secret -}}
{{- $_ := set .acc "items" (append .acc.items (dict "env" .env "secret" .secret "key" .key "optional" (or .optional (not .required)))) -}}
{{- else if .value -}}
{{- $_ := set .acc "items" (append .acc.items (dict "env" .env "value" (toString .value))) -}}
{{- else if .required -}}
{{- $_ := required .required "" -}}
{{- end -}}
{{- end -}}

{{/* The PostgreSQL password of a service. Context: (dict "acc" ... "db" <database values> "path" "channelState.database"). */}}
{{- define "onboarding.addDatabasePassword" -}}
{{- include "onboarding.addSecret" (dict "acc" .acc "env" "QUARKUS_DATASOURCE_PASSWORD" "value" .db.password "secret" .db.existingSecret "key" .db.existingSecretPasswordKey "required" (printf "%s.password (or %s.existingSecret) is required" .path .path)) -}}
{{- end -}}

{{/*
The secret environment variables of one service, as YAML {items: [...]}, each {env, value} (kept in the
chart's Secret of the service) or {env, secret, key, optional} (read from an existing Secret).
Context: (dict "root" $ "key" <values key>).
*/}}
{{- define "onboarding.secretItems" -}}
{{- $root := .root -}}
{{- $key := .key -}}
{{- $v := index $root.Values $key -}}
{{- $acc := dict "items" list -}}
{{- with $root.Values.kafka.sasl -}}
{{- if .mechanism -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" "KAFKA_SASL_JAAS_CONFIG" "value" .jaasConfig "secret" .existingSecret "key" .existingSecretKey "required" "kafka.sasl.jaasConfig (or kafka.sasl.existingSecret) is required when kafka.sasl.mechanism is set") -}}
{{- end -}}
{{- end -}}
{{- range $store := include "onboarding.kafkaStores" $root | fromYamlArray -}}
{{- with index $root.Values.kafka $store -}}
{{- if and .existingSecret .passwordKey -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (printf "KAFKA_SSL_%s_PASSWORD" (upper $store)) "secret" .existingSecret "key" .passwordKey "required" (printf "kafka.%s.passwordKey" $store)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $id, $hub := $root.Values.hubs -}}
{{- $prefix := printf "ONBOARDING_HUBS_%s_" (upper $id) -}}
{{- $path := printf "hubs.%s" $id -}}
{{- /* That each hub authenticates its webhooks is the schema's rule (and webhook-ingest's at start-up). */ -}}
{{- if or (eq $key "webhookIngest") (and (eq $key "keyProvisioner") $v.hubSetup.enabled) -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (print $prefix "WEBHOOK_SECRET") "value" $hub.webhookSecret "secret" $hub.existingSecret "key" "webhook-secret") -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (print $prefix "WEBHOOK_SECRET_PREVIOUS") "value" $hub.webhookSecretPrevious "secret" $hub.existingSecret "key" "webhook-secret-previous") -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (print $prefix "WEBHOOK_HEADER_VALUE") "value" $hub.webhookHeaderValue "secret" $hub.existingSecret "key" "webhook-header-value") -}}
{{- end -}}
{{- if eq $key "gateway" -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (print $prefix "IO_SIGNATURE_SECRET") "value" $hub.ioSignatureSecret "secret" $hub.existingSecret "key" "io-signature-secret") -}}
{{- end -}}
{{- if or (eq $key "channelState") (eq $key "keyProvisioner") -}}
{{- $required := "" -}}
{{- if not $hub.username -}}
{{- $required = printf "%s.apiKey (or %s.username and password, or %s.existingSecret) is required: channel-state and key-provisioner call the Partner API" $path $path $path -}}
{{- end -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (print $prefix "API_KEY") "value" $hub.apiKey "secret" $hub.existingSecret "key" "api-key" "required" $required "optional" true) -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (print $prefix "USERNAME") "value" $hub.username "secret" $hub.existingSecret "key" "username") -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (print $prefix "PASSWORD") "value" $hub.password "secret" $hub.existingSecret "key" "password" "required" (ternary (printf "%s.password is required with %s.username" $path $path) "" (and (not $hub.existingSecret) (not (empty $hub.username))))) -}}
{{- end -}}
{{- end -}}
{{- if eq $key "gateway" -}}
{{- with $v.auth -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" "ONBOARDING_GATEWAY_STATE_SECRET" "value" .stateSecret "secret" .existingSecret "key" "state-secret" "required" "gateway.auth.stateSecret (or gateway.auth.existingSecret) is required: it signs the onboarding flow's state") -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" "ONBOARDING_GATEWAY_STATE_SECRET_PREVIOUS" "value" .stateSecretPrevious "secret" .existingSecret "key" "state-secret-previous") -}}
{{- end -}}
{{- else if eq $key "channelState" -}}
{{- include "onboarding.addDatabasePassword" (dict "acc" $acc "db" $v.database "path" "channelState.database") -}}
{{- with $v.console.keyProvisioner.tokenSecret -}}
{{- if .name -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" "ONBOARDING_CONSOLE_KEY_PROVISIONER_TOKEN" "secret" .name "key" .key "required" "channelState.console.keyProvisioner.tokenSecret") -}}
{{- end -}}
{{- end -}}
{{- else if eq $key "keyProvisioner" -}}
{{- include "onboarding.addDatabasePassword" (dict "acc" $acc "db" $v.database "path" "keyProvisioner.database") -}}
{{- $enc := $v.encryption -}}
{{- $primary := required "keyProvisioner.encryption.primary is required: the id of the key that encrypts API keys at rest" $enc.primary -}}
{{- if $enc.existingSecret -}}
{{- range $keyId := default (list $primary) $enc.keyIds -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (printf "ONBOARDING_KEYS_ENCRYPTION_KEYS_%s" (upper $keyId)) "secret" $enc.existingSecret "key" $keyId "required" "keyProvisioner.encryption.keyIds") -}}
{{- end -}}
{{- else -}}
{{- $_ := required (printf "keyProvisioner.encryption.keys.%s (or keyProvisioner.encryption.existingSecret) is required: the key-encryption key named by keyProvisioner.encryption.primary" $primary) (get $enc.keys $primary) -}}
{{- range $keyId, $material := $enc.keys -}}
{{- include "onboarding.addSecret" (dict "acc" $acc "env" (printf "ONBOARDING_KEYS_ENCRYPTION_KEYS_%s" (upper $keyId)) "value" $material) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml $acc -}}
{{- end -}}

{{/*
"true" when channel-state's console forwards retries to this release's key-provisioner Service (a token Secret and
no URL of its own): the NetworkPolicies then let channel-state's pods reach key-provisioner's. Context: $.
*/}}
{{- define "onboarding.consoleForwardsInCluster" -}}
{{- with .Values.channelState.console.keyProvisioner -}}
{{- if and .tokenSecret.name (not .url) -}}true{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The egress of one service, as a YAML list of {to, ports}: DNS and Kafka for every service, PostgreSQL (on the
service's own database port) for channel-state and key-provisioner, the Partner API for all but webhook-ingest, and
key-provisioner's pods for channel-state when its console forwards retries there.
An empty "to" is any address, on those ports only. Context: (dict "root" $ "key" <values key>).
*/}}
{{- define "onboarding.egressRules" -}}
{{- $root := .root -}}
{{- $key := .key -}}
{{- $egress := $root.Values.networkPolicy.egress -}}
{{- $rules := list (dict "to" $egress.dns.to "ports" $egress.dns.ports) -}}
{{- $kafkaPorts := $egress.kafka.ports -}}
{{- if not $kafkaPorts -}}
{{- $seen := list -}}
{{- range $server := splitList "," $root.Values.kafka.bootstrapServers -}}
{{- $port := regexFind "[0-9]+$" (trim $server) -}}
{{- if and $port (not (has $port $seen)) -}}
{{- $seen = append $seen $port -}}
{{- $kafkaPorts = append $kafkaPorts (dict "port" (atoi $port) "protocol" "TCP") -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $rules = append $rules (dict "to" $egress.kafka.to "ports" $kafkaPorts) -}}
{{- if has $key (list "channelState" "keyProvisioner") -}}
{{- $db := (index $root.Values $key).database -}}
{{- $rules = append $rules (dict "to" $egress.postgresql.to "ports" (list (dict "port" (int $db.port) "protocol" "TCP"))) -}}
{{- end -}}
{{- if ne $key "webhookIngest" -}}
{{- $rules = append $rules (dict "to" $egress.partnerApi.to "ports" $egress.partnerApi.ports) -}}
{{- end -}}
{{- if and (eq $key "channelState") (include "onboarding.consoleForwardsInCluster" $root) -}}
{{- $keyProvisioner := include "onboarding.componentSelectorLabels" (dict "root" $root "svc" (dict "component" "key-provisioner")) | fromYaml -}}
{{- $rules = append $rules (dict "to" (list (dict "podSelector" (dict "matchLabels" $keyProvisioner))) "ports" (list (dict "port" 8080 "protocol" "TCP"))) -}}
{{- end -}}
{{- toYaml $rules -}}
{{- end -}}

{{/*
auth.credentials as environment variables (onboarding.auth.credentials.<name>.*), for channel-state and
key-provisioner. A token's SHA-256 is not a secret, so they go into the ConfigMaps. Fails on a repeated name or a
hub that is not configured.
*/}}
{{- define "onboarding.credentialsEnv" -}}
{{- $env := dict -}}
{{- range $credential := .Values.auth.credentials -}}
{{- $prefix := printf "ONBOARDING_AUTH_CREDENTIALS_%s_" (upper $credential.name) -}}
{{- if hasKey $env (print $prefix "TOKEN_SHA256") -}}
{{- fail (printf "auth.credentials: the name %s is used twice" $credential.name) -}}
{{- end -}}
{{- range $hub := $credential.hubs -}}
{{- if and (ne $hub "*") (not (hasKey $.Values.hubs $hub)) -}}
{{- fail (printf "auth.credentials: %s names hub %s, which is not in hubs" $credential.name $hub) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $env (print $prefix "TOKEN_SHA256") $credential.tokenSha256 -}}
{{- $_ = set $env (print $prefix "HUBS") (join "," $credential.hubs) -}}
{{- $_ = set $env (print $prefix "TENANTS") (join "," $credential.tenants) -}}
{{- $_ = set $env (print $prefix "SCOPES") (join "," $credential.scopes) -}}
{{- end -}}
{{- toYaml $env -}}
{{- end -}}

{{/*
The non-secret configuration of one service as environment variables (the data of its ConfigMap).
Context: (dict "root" $ "key" <values key> "svc" <entry of onboarding.services>).
*/}}
{{- define "onboarding.configEnv" -}}
{{- $root := .root -}}
{{- $key := .key -}}
{{- $v := index $root.Values $key -}}
{{- $env := dict -}}
{{- $_ := set $env "QUARKUS_HTTP_PORT" "8080" -}}
{{- $_ = set $env "KAFKA_BOOTSTRAP_SERVERS" (required "kafka.bootstrapServers is required" $root.Values.kafka.bootstrapServers) -}}
{{- with $root.Values.kafka -}}
{{- if .securityProtocol -}}{{- $_ = set $env "KAFKA_SECURITY_PROTOCOL" .securityProtocol -}}{{- end -}}
{{- if .sasl.mechanism -}}{{- $_ = set $env "KAFKA_SASL_MECHANISM" .sasl.mechanism -}}{{- end -}}
{{- range $store := include "onboarding.kafkaStores" $root | fromYamlArray -}}
{{- with index $root.Values.kafka $store -}}
{{- if .existingSecret -}}
{{- $_ = set $env (printf "KAFKA_SSL_%s_LOCATION" (upper $store)) (printf "%s/%s" (include "onboarding.kafkaStoreDir" $store) .key) -}}
{{- $_ = set $env (printf "KAFKA_SSL_%s_TYPE" (upper $store)) .type -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $name, $value := .config -}}
{{- $_ = set $env (include "onboarding.envName" (print "kafka." $name)) (toString $value) -}}
{{- end -}}
{{- end -}}
{{- $_ = set $env "ONBOARDING_TOPICS_CREATE" (ternary "false" "true" $root.Values.topics.strimzi.enabled) -}}
{{- $_ = set $env "ONBOARDING_TOPICS_REPLICATION_FACTOR" (toString $root.Values.topics.replicationFactor) -}}
{{- $_ = set $env "ONBOARDING_TOPICS_MIN_INSYNC_REPLICAS" (toString $root.Values.topics.minInsyncReplicas) -}}
{{- range $id, $hub := $root.Values.hubs -}}
{{- $prefix := printf "ONBOARDING_HUBS_%s_" (upper $id) -}}
{{- $_ = set $env (print $prefix "PARTNER_ID") (required (printf "hubs.%s.partnerId is required" $id) $hub.partnerId) -}}
{{- $_ = set $env (print $prefix "PAYMENT_MODE") (required (printf "hubs.%s.paymentMode is required" $id) $hub.paymentMode) -}}
{{- if $hub.label -}}{{- $_ = set $env (print $prefix "LABEL") $hub.label -}}{{- end -}}
{{- if $hub.redirectUrl -}}{{- $_ = set $env (print $prefix "REDIRECT_URL") $hub.redirectUrl -}}{{- end -}}
{{- if $hub.webhookUrl -}}{{- $_ = set $env (print $prefix "WEBHOOK_URL") $hub.webhookUrl -}}{{- end -}}
{{- if $hub.messagingWebhookUrl -}}{{- $_ = set $env (print $prefix "MESSAGING_WEBHOOK_URL") $hub.messagingWebhookUrl -}}{{- end -}}
{{- if $hub.webhookHeaderName -}}{{- $_ = set $env (print $prefix "WEBHOOK_HEADER_NAME") $hub.webhookHeaderName -}}{{- end -}}
{{- if $hub.allowUnsignedWebhooks -}}{{- $_ = set $env (print $prefix "ALLOW_UNSIGNED_WEBHOOKS") "true" -}}{{- end -}}
{{- if $hub.statelessRedirects -}}{{- $_ = set $env (print $prefix "STATELESS_REDIRECTS") "true" -}}{{- end -}}
{{- end -}}
{{- with $root.Values.telemetry -}}
{{- if .otlpEndpoint -}}{{- $_ = set $env "ONBOARDING_TELEMETRY_OTLP_ENDPOINT" .otlpEndpoint -}}{{- end -}}
{{- $_ = set $env "ONBOARDING_TELEMETRY_SAMPLER_RATIO" (toString .samplerRatio) -}}
{{- end -}}
{{- if or (eq $key "channelState") (eq $key "keyProvisioner") -}}
{{- range $name, $value := include "onboarding.credentialsEnv" $root | fromYaml -}}
{{- $_ = set $env $name $value -}}
{{- end -}}
{{- with $v.database -}}
{{- $path := printf "%s.database" $key -}}
{{- $address := printf "%s:%d/%s" (required (printf "%s.host is required" $path) .host) (int .port) .name -}}
{{- if .params -}}{{- $address = printf "%s?%s" $address .params -}}{{- end -}}
{{- $_ = set $env "QUARKUS_DATASOURCE_REACTIVE_URL" (print "postgresql://" $address) -}}
{{- $_ = set $env "QUARKUS_DATASOURCE_JDBC_URL" (print "jdbc:postgresql://" $address) -}}
{{- $_ = set $env "QUARKUS_DATASOURCE_USERNAME" (required (printf "%s.username is required" $path) .username) -}}
{{- end -}}
{{- if $root.Values.hubApi.url -}}{{- $_ = set $env "ONBOARDING_HUB_API_URL" $root.Values.hubApi.url -}}{{- end -}}
{{- end -}}
{{- if eq $key "gateway" -}}
{{- if $v.hubUiUrl -}}{{- $_ = set $env "ONBOARDING_HUB_UI_URL" $v.hubUiUrl -}}{{- end -}}
{{- if $v.stateTtl -}}{{- $_ = set $env "ONBOARDING_GATEWAY_STATE_TTL" $v.stateTtl -}}{{- end -}}
{{- if $v.tenantClaim -}}{{- $_ = set $env "ONBOARDING_GATEWAY_TENANT_CLAIM" $v.tenantClaim -}}{{- end -}}
{{- $_ = set $env "ONBOARDING_GATEWAY_DEV_TENANT_PARAM" (toString $v.devTenantParam) -}}
{{- if $v.allowedOrigins -}}{{- $_ = set $env "ONBOARDING_GATEWAY_ALLOWED_ORIGINS" (join "," $v.allowedOrigins) -}}{{- end -}}
{{- if $v.returnUrl -}}{{- $_ = set $env "ONBOARDING_GATEWAY_RETURN_URL" $v.returnUrl -}}{{- end -}}
{{- with $v.jwt -}}
{{- if .issuer -}}{{- $_ = set $env "MP_JWT_VERIFY_ISSUER" .issuer -}}{{- end -}}
{{- if .publicKeyLocation -}}
{{- $_ = set $env "MP_JWT_VERIFY_PUBLICKEY_LOCATION" .publicKeyLocation -}}
{{- else if or .publicKey .existingConfigMap -}}
{{- $_ = set $env "MP_JWT_VERIFY_PUBLICKEY_LOCATION" (include "onboarding.jwtPublicKeyPath" $root) -}}
{{- else -}}
{{- $_ = required "gateway.jwt.publicKeyLocation, gateway.jwt.publicKey or gateway.jwt.existingConfigMap is required: the gateway verifies the partner's JWTs with it" "" -}}
{{- end -}}
{{- end -}}
{{- else if eq $key "webhookIngest" -}}
{{- if $v.maxBodySize -}}{{- $_ = set $env "ONBOARDING_INGEST_MAX_BODY_SIZE" (toString $v.maxBodySize) -}}{{- end -}}
{{- if $v.bodyTimeout -}}{{- $_ = set $env "ONBOARDING_INGEST_BODY_TIMEOUT" $v.bodyTimeout -}}{{- end -}}
{{- if $v.publishTimeout -}}{{- $_ = set $env "ONBOARDING_INGEST_PUBLISH_TIMEOUT" $v.publishTimeout -}}{{- end -}}
{{- if $v.maxInFlight -}}{{- $_ = set $env "ONBOARDING_INGEST_MAX_IN_FLIGHT" (toString $v.maxInFlight) -}}{{- end -}}
{{- if $v.dedupWindow -}}{{- $_ = set $env "ONBOARDING_INGEST_DEDUP_WINDOW" $v.dedupWindow -}}{{- end -}}
{{- if $v.retryAfter -}}{{- $_ = set $env "ONBOARDING_INGEST_RETRY_AFTER" $v.retryAfter -}}{{- end -}}
{{- else if eq $key "channelState" -}}
{{- if $v.allowedOrigins -}}{{- $_ = set $env "ONBOARDING_STATE_ALLOWED_ORIGINS" (join "," $v.allowedOrigins) -}}{{- end -}}
{{- if $v.outboxPollInterval -}}{{- $_ = set $env "ONBOARDING_OUTBOX_POLL_INTERVAL" $v.outboxPollInterval -}}{{- end -}}
{{- with $v.reconcile -}}
{{- if not (kindIs "invalid" .enabled) -}}{{- $_ = set $env "ONBOARDING_RECONCILE_ENABLED" (toString .enabled) -}}{{- end -}}
{{- if .interval -}}{{- $_ = set $env "ONBOARDING_RECONCILE_INTERVAL" .interval -}}{{- end -}}
{{- if .staleAfter -}}{{- $_ = set $env "ONBOARDING_RECONCILE_STALE_AFTER" .staleAfter -}}{{- end -}}
{{- if .liveInterval -}}{{- $_ = set $env "ONBOARDING_RECONCILE_LIVE_INTERVAL" .liveInterval -}}{{- end -}}
{{- with .permissions -}}
{{- if not (kindIs "invalid" .enabled) -}}{{- $_ = set $env "ONBOARDING_RECONCILE_PERMISSIONS_ENABLED" (toString .enabled) -}}{{- end -}}
{{- if .hotInterval -}}{{- $_ = set $env "ONBOARDING_RECONCILE_PERMISSIONS_HOT_INTERVAL" .hotInterval -}}{{- end -}}
{{- if .coldInterval -}}{{- $_ = set $env "ONBOARDING_RECONCILE_PERMISSIONS_COLD_INTERVAL" .coldInterval -}}{{- end -}}
{{- if .recentWindow -}}{{- $_ = set $env "ONBOARDING_RECONCILE_PERMISSIONS_RECENT_WINDOW" .recentWindow -}}{{- end -}}
{{- if not (kindIs "invalid" .callsPerMinute) -}}{{- $_ = set $env "ONBOARDING_RECONCILE_PERMISSIONS_CALLS_PER_MINUTE" (toString .callsPerMinute) -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- with $v.console -}}
{{- if .stuckAfter -}}{{- $_ = set $env "ONBOARDING_CONSOLE_STUCK_AFTER" .stuckAfter -}}{{- end -}}
{{- if .stuckCountInterval -}}{{- $_ = set $env "ONBOARDING_CONSOLE_STUCK_COUNT_INTERVAL" .stuckCountInterval -}}{{- end -}}
{{- with .keyProvisioner -}}
{{- /* Without the token the retry is off, so neither is set (the token itself is in secretItems). */ -}}
{{- if .tokenSecret.name -}}
{{- $_ = set $env "ONBOARDING_CONSOLE_KEY_PROVISIONER_URL" (default (printf "http://%s:%d" (include "onboarding.componentName" (dict "root" $root "svc" (dict "component" "key-provisioner"))) (int $root.Values.keyProvisioner.service.port)) .url) -}}
{{- if .timeout -}}{{- $_ = set $env "ONBOARDING_CONSOLE_KEY_PROVISIONER_TIMEOUT" .timeout -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- with $v.import -}}
{{- if not (kindIs "invalid" .pageSize) -}}{{- $_ = set $env "ONBOARDING_IMPORT_PAGE_SIZE" (toString .pageSize) -}}{{- end -}}
{{- if not (kindIs "invalid" .callsPerMinute) -}}{{- $_ = set $env "ONBOARDING_IMPORT_CALLS_PER_MINUTE" (toString .callsPerMinute) -}}{{- end -}}
{{- end -}}
{{- else if eq $key "keyProvisioner" -}}
{{- $_ = set $env "ONBOARDING_KEYS_ENCRYPTION_PRIMARY" (required "keyProvisioner.encryption.primary is required: the id of the key that encrypts API keys at rest" $v.encryption.primary) -}}
{{- if not (kindIs "invalid" $v.deleteOnRevoke) -}}{{- $_ = set $env "ONBOARDING_KEYS_DELETE_ON_REVOKE" (toString $v.deleteOnRevoke) -}}{{- end -}}
{{- if $v.pollInterval -}}{{- $_ = set $env "ONBOARDING_KEYS_POLL_INTERVAL" $v.pollInterval -}}{{- end -}}
{{- if $v.failedCountInterval -}}{{- $_ = set $env "ONBOARDING_KEYS_FAILED_COUNT_INTERVAL" $v.failedCountInterval -}}{{- end -}}
{{- with $v.retry -}}
{{- if not (kindIs "invalid" .maxAttempts) -}}{{- $_ = set $env "ONBOARDING_KEYS_RETRY_MAX_ATTEMPTS" (toString .maxAttempts) -}}{{- end -}}
{{- if .initialDelay -}}{{- $_ = set $env "ONBOARDING_KEYS_RETRY_INITIAL_DELAY" .initialDelay -}}{{- end -}}
{{- if .maxDelay -}}{{- $_ = set $env "ONBOARDING_KEYS_RETRY_MAX_DELAY" .maxDelay -}}{{- end -}}
{{- end -}}
{{- if not (kindIs "invalid" $v.hubSetup.enabled) -}}{{- $_ = set $env "ONBOARDING_HUB_SETUP_ENABLED" (toString $v.hubSetup.enabled) -}}{{- end -}}
{{- end -}}
{{- range $name, $value := $v.extraConfig -}}
{{- $_ = set $env (include "onboarding.envName" $name) (toString $value) -}}
{{- end -}}
{{- toYaml $env -}}
{{- end -}}

{{/*
A service container's env: its secrets (chart-managed, in the Secret named .name, or in existing Secrets) and its
extraEnv; empty when it has neither. Context: (dict "root" $ "key" <values key> "name" <the service's resource name>).
*/}}
{{- define "onboarding.containerEnv" -}}
{{- $secrets := include "onboarding.secretItems" (dict "root" .root "key" .key) | fromYaml -}}
{{- $name := .name -}}
{{- range $secrets.items }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      {{- if .secret }}
      name: {{ .secret }}
      key: {{ .key | quote }}
      {{- if .optional }}
      optional: true
      {{- end }}
      {{- else }}
      name: {{ $name }}
      key: {{ .env }}
      {{- end }}
{{- end }}
{{- with (index .root.Values .key).extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The volumeMounts of the Kafka TLS stores given as existing Secrets. Context: $. */}}
{{- define "onboarding.kafkaStoreMounts" -}}
{{- range $store := include "onboarding.kafkaStores" . | fromYamlArray }}
{{- if (index $.Values.kafka $store).existingSecret }}
- name: kafka-{{ $store }}
  mountPath: {{ include "onboarding.kafkaStoreDir" $store }}
  readOnly: true
{{- end }}
{{- end }}
{{- end -}}

{{/* The volumes of those stores. Context: $. */}}
{{- define "onboarding.kafkaStoreVolumes" -}}
{{- range $store := include "onboarding.kafkaStores" . | fromYamlArray }}
{{- with index $.Values.kafka $store }}
{{- if .existingSecret }}
- name: kafka-{{ $store }}
  secret:
    secretName: {{ .existingSecret }}
    items:
      - key: {{ .key | quote }}
        path: {{ .key | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* A service's NetworkPolicy egress rules, extraEgress included. Context: (dict "root" $ "key" <values key>). */}}
{{- define "onboarding.egress" -}}
{{- range include "onboarding.egressRules" . | fromYamlArray }}
- {{- with .to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  ports:
    {{- toYaml .ports | nindent 4 }}
{{- end }}
{{- range dig "networkPolicy" "extraEgress" list (index .root.Values .key) }}
- {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
