-- WAITING: the claim's creation budget is spent; it is due again at next_attempt_at, when its window ends.
alter table key_claim drop constraint key_claim_status_check;
alter table key_claim add constraint key_claim_status_check
    check (status in ('PENDING', 'CALLING', 'WAITING', 'PROVISIONED', 'FAILED', 'REVOKED'));
drop index key_claim_due;
create index key_claim_due on key_claim (next_attempt_at) where status in ('PENDING', 'CALLING', 'WAITING');

-- The creation budget's window, the creations whose answers were lost (they lengthen the next creation's timeout)
-- and since when 360dialog keeps saying the channel is not running yet (retried for a grace period).
alter table key_claim
    add column window_started_at    timestamptz,
    add column creations_in_window  integer not null default 0,
    add column unanswered_creations integer not null default 0,
    add column not_running_since    timestamptz;

-- A withdrawn key still to be deleted at 360dialog; its api-key.revoked is written once the deletion was tried.
alter table channel_api_key add column delete_pending boolean not null default false;
create index channel_api_key_delete_pending on channel_api_key (claim_id) where delete_pending;

-- The latest snapshot of each channel as channel.state said it: the sweep's source for channels that are running
-- and permitted but whose trigger on channel.events never arrived.
create table channel_view (
    hub_id      text        not null,
    channel_id  text        not null,
    client_id   text,
    tenant      text,
    version     bigint      not null,
    stage       text        not null,
    permission  text        not null,
    api_key     text        not null,
    updated_at  timestamptz not null,
    primary key (hub_id, channel_id)
);
create index channel_view_claimable on channel_view (hub_id, channel_id)
    where stage in ('RUNNING', 'LIVE') and permission = 'GRANTED' and api_key <> 'PROVISIONED';
