-- Hub status can go back when 360dialog says so (issue 15): of two observations of a channel's status the later one
-- stands, by when it was observed and then its event id, so each channel keeps those of the observation that set its
-- status.
alter table channel add column status_observed_at timestamptz;
alter table channel add column status_event_id text;

-- For channels folded before, the fact behind their last status change; one without it counts as older than any.
update channel c set status_observed_at = h.occurred_at, status_event_id = h.event_id
from (select distinct on (channel_id) channel_id, occurred_at, event_id
      from channel_history where kind = 'channel.status-changed'
      order by channel_id, id desc) h
where h.channel_id = c.channel_id and c.status is not null;

-- Statuses that mapped to no stage before and do now.
update channel set stage = 'cancellation-requested'
where lower(status) in ('pending_deletion', 'cancellation_request');
update channel set stage = 'cancelled' where lower(status) = 'cancellation_processed';
update channel set stage = 'restricted' where lower(status) in ('account_restriction', 'account_violation');
