-- The trace context (W3C traceparent) of the event that took the claim: the attempts that create its key continue
-- that trace, whichever replica works on them and however much later. Null for claims taken by the sweep or before
-- this column existed: their attempts start a trace of their own.
alter table key_claim add column trace_parent text;
