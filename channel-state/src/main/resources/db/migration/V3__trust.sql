-- Who may change a channel (issue 12). A client's tenant is its first verified binding, ordered by the binding
-- fact's time and id; every permission fact is kept with its channel, because whether it counts depends on what
-- 360dialog reports later (its client) and on the channel's tenant, and is judged again whenever either changes.

alter table channel add column client_observed boolean not null default false;
alter table channel add column tenant_at timestamptz;
alter table channel add column tenant_event_id text;
alter table client add column tenant_at timestamptz;
alter table client add column tenant_event_id text;

-- A channel with a status was reported by 360dialog, its client with it. Bindings stored before have no time: they
-- count as the first, so existing tenants stay.
update channel set client_observed = true where status is not null and client_id is not null;

create table permission_fact (
    event_id     text primary key,
    hub_id       text        not null,
    channel_id   text        not null,
    client_id    text,
    tenant       text,
    granted      boolean     not null,
    source       text,
    verification text        not null,
    occurred_at  timestamptz not null
);

create index permission_fact_by_channel on permission_fact (channel_id);

-- The fact that decided each channel's permission so far keeps deciding it, as a confirmed one.
insert into permission_fact (event_id, hub_id, channel_id, client_id, tenant, granted, source, verification,
    occurred_at)
select permission_event_id, hub_id, channel_id, client_id, tenant, permission = 'granted', permission_source,
    'confirmed', permission_at
from channel
where permission_event_id is not null and permission_at is not null
on conflict do nothing;
