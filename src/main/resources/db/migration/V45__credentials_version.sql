-- Every earlier web session and API token of a user dies when their credentials change: a password change,
-- an administrator's reset, a deactivation or a reactivation bumps credentials_version, which tokens (claim
-- "ver") and web sessions carry and which every request compares.
alter table app_user add column credentials_version int not null default 0;

-- The per-account hard lock-out is gone (anyone who knew an e-mail could keep that account locked): failed
-- logins are throttled by source address and by (source, account) in memory instead.
alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;
