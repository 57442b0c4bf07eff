-- An operator's retry of a FAILED claim restarts its attempt budget. The attempt number itself keeps counting: it
-- fences off a late attempt from before the retry, keeps api-key.failed ids unique, and makes the retried attempt
-- list the channel's keys before creating one.
alter table key_claim add column attempts_before_retry integer not null default 0;
