-- The channel projection: one row per channel, its clients, the history of its transitions, the ids of applied
-- events, and the outbox of records still to be relayed to Kafka.

create table channel (
    channel_id          text primary key,
    hub_id              text        not null,
    client_id           text,
    tenant              text,
    tenant_source       text,
    phone_number        text,
    status              text,
    status_at           timestamptz,
    stage               text        not null,
    account_mode        text,
    permission          text        not null,
    permission_source   text,
    permission_at       timestamptz,
    permission_event_id text,
    api_key             text        not null,
    api_key_reason      text,
    api_key_at          timestamptz,
    api_key_event_id    text,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    last_fact_at        timestamptz not null
);

-- Keyset pagination by channel id within each filter of the query API.
create index channel_by_tenant on channel (tenant, channel_id);
create index channel_by_client on channel (client_id, channel_id);
create index channel_by_hub on channel (hub_id, channel_id);
create index channel_by_stage on channel (stage, channel_id);
-- The reconciler's question: which channels are stuck before running.
create index channel_by_stage_and_last_fact on channel (stage, last_fact_at);

create table client (
    client_id     text primary key,
    hub_id        text        not null,
    tenant        text,
    tenant_source text,
    name          text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create table channel_history (
    id          bigserial primary key,
    channel_id  text        not null,
    version     bigint      not null,
    kind        text        not null,
    from_value  text,
    to_value    text,
    event_id    text        not null,
    source      text,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now()
);

create index channel_history_by_channel on channel_history (channel_id, id);

create table applied_event (
    event_id   text primary key,
    applied_at timestamptz not null default now()
);

create table outbox (
    seq        bigserial primary key,
    topic      text  not null,
    record_key text,
    -- JSON object of header name to value; read back only by the relay, so never parsed by the database.
    headers    text  not null,
    value      bytea not null
);
