-- One claim per channel permission, taken before the Partner API is called: creating a second key at 360dialog
-- revokes the first, so the uniqueness rule below is what makes provisioning exactly-once.
create table key_claim (
    id                 uuid        primary key,
    hub_id             text        not null,
    channel_id         text        not null,
    client_id          text,
    granted_version    bigint      not null,
    status             text        not null check (status in ('PENDING', 'CALLING', 'PROVISIONED', 'FAILED', 'REVOKED')),
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz not null,
    lease_until        timestamptz,
    last_error         text,
    revoked_version    bigint,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

-- A revoked claim frees the channel for the next grant; any other claim blocks a second one.
create unique index key_claim_one_per_permission on key_claim (hub_id, channel_id) where status <> 'REVOKED';
create index key_claim_due on key_claim (next_attempt_at) where status in ('PENDING', 'CALLING');
create index key_claim_channel on key_claim (channel_id);

-- The key itself only as AES-GCM ciphertext, with the id of the key-encryption key for rotation.
create table channel_api_key (
    claim_id      uuid        primary key references key_claim (id),
    hub_id        text        not null,
    channel_id    text        not null,
    key_id        text        not null,
    address       text,
    app_id        text,
    kek_id        text        not null,
    ciphertext    bytea       not null,
    created_at    timestamptz not null,
    revoked_at    timestamptz,
    revoke_reason text
);
create index channel_api_key_channel on channel_api_key (channel_id, created_at desc);

-- Events written in the same transaction as the change they report, relayed to Kafka afterwards.
create table outbox_event (
    id           bigserial   primary key,
    event_id     text        not null,
    topic        text        not null,
    record_key   text        not null,
    type         text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
