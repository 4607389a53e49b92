-- Issue #13, follow-up: an API key's rate limit is shared by every instance. One row per key holds its current
-- one-minute window (opened by the first request after the previous one ended) and the requests counted in it; a
-- request is one insert … on conflict do update … returning (the row lock orders concurrent requests of one key).
-- No condominium_id: the key's id is the only subject, and the row says nothing about its condominium.
create table api_key_rate_window (
    api_key_id   bigint      primary key references api_key (id) on delete cascade,
    window_start timestamptz not null,
    used         int         not null
);
