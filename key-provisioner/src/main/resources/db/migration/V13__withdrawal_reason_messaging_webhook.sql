-- Why a claim was revoked (permission revoked, channel cancelled or terminated): a key whose creation answer arrives
-- after the revocation is stored withdrawn with this reason, and the hand-out's 410 names it.
alter table key_claim add column revoke_reason text;

-- The messaging webhook each stored key is to set (opt-in per hub, onboarding.hubs.<id>.messaging-webhook-url),
-- written in the transaction that stores the key, so the work survives restarts. Attempts are scheduled and fenced
-- like claims: next_attempt_at, a lease, and the attempt number that only the leasing attempt may record under.
create table messaging_webhook (
    claim_id        uuid        primary key references channel_api_key (claim_id),
    hub_id          text        not null,
    channel_id      text        not null,
    key_id          text        not null,
    status          text        not null check (status in ('PENDING', 'CALLING', 'SET', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    url             text,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index messaging_webhook_due on messaging_webhook (next_attempt_at) where status in ('PENDING', 'CALLING');
