-- The tenant of the channel when its claim was taken (from channel.events' snapshot), so that the hand-out and retry
-- API can limit a credential to its tenants. Null for claims taken before this column or before the tenant was
-- known: only credentials for every tenant (*) see those.
alter table key_claim add column tenant text;
