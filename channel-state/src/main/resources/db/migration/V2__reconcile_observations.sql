-- What the reconciler read from the Partner API. These facts are on no topic, so the rebuild refolds them from here.
create table reconcile_observation (
    event_id        text primary key,
    hub_id          text        not null,
    channel_id      text        not null,
    client_id       text,
    status          text,
    account_mode    text,
    phone_number    text,
    partner_payload text,
    status_at       timestamptz,
    occurred_at     timestamptz not null
);
