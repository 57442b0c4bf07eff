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
