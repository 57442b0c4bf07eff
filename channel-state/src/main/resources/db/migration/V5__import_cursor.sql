-- Where a first-install import (`channel-state import`) stands per hub and listing: the offset of the next page to
-- read, written after each page's fold committed, so that an import that stopped goes on from there.
create table import_cursor (
    hub_id      text        not null,
    kind        text        not null,
    next_offset integer     not null,
    total       integer     not null,
    finished_at timestamptz,
    updated_at  timestamptz not null,
    primary key (hub_id, kind)
);

-- The clients an import read. Their facts are on no topic, so the rebuild refolds them from here (as it does the
-- reconciler's observations, among which the import's channel reads are kept).
create table import_client (
    event_id    text primary key,
    hub_id      text        not null,
    client_id   text        not null,
    tenant      text,
    name        text,
    occurred_at timestamptz not null
);
