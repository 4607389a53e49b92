-- Issue #13: API keys and Standard Webhooks, per condominium.
--
-- api_key: only a SHA-256 of the key's text is kept (the key is 32 random bytes: no dictionary to try), looked up by
-- its public prefix and compared in constant time. Revoked keys keep their row (the list shows them).
create table api_key (
    id                    bigserial primary key,
    condominium_id        bigint      not null references condominium (id),
    name                  text        not null,
    prefix                text        not null unique,
    key_hash              bytea       not null,
    scopes                text[]      not null,
    expires_at            timestamptz,
    rate_limit_per_minute int         not null,
    created_by            bigint      not null references app_user (id),
    created_at            timestamptz not null,
    last_used_at          timestamptz,
    revoked_at            timestamptz
);
create index api_key_condominium on api_key (condominium_id, id);

-- webhook_endpoint: secrets encrypted at rest (platform.SecretBox); the previous secret signs alongside the new one
-- until previous_secret_until (a rotation). failing_since: the first failure since the last success.
create table webhook_endpoint (
    id                    bigserial primary key,
    condominium_id        bigint      not null references condominium (id),
    url                   text        not null,
    description           text,
    events                text[]      not null,
    active                boolean     not null default true,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    failing_since         timestamptz,
    disabled_reason       text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index webhook_endpoint_condominium on webhook_endpoint (condominium_id, id);

-- webhook_delivery: the outbox and the delivery log. A row is written in the transaction of the change that caused
-- it; message_id is the webhook-id header, the same on every attempt and replay. The body is kept 7 days.
create table webhook_delivery (
    id               bigserial primary key,
    condominium_id   bigint      not null references condominium (id),
    endpoint_id      bigint      not null references webhook_endpoint (id) on delete cascade,
    message_id       text        not null,
    event_type       text        not null,
    body             text,
    status           text        not null check (status in ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz,
    lease_until      timestamptz,
    response_code    int,
    last_error       text,
    duration_ms      int,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    updated_at       timestamptz not null
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where status in ('PENDING', 'IN_FLIGHT');
create index webhook_delivery_log on webhook_delivery (endpoint_id, id desc);

-- row-level security as every condominium-owned table (V130)
do $$
declare
    t text;
begin
    foreach t in array array['api_key', 'webhook_endpoint', 'webhook_delivery']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy condominium_scope on %I
            using (current_setting('vetric.scope', true) = 'all'
                   or condominium_id = any (string_to_array(nullif(current_setting('vetric.condominiums', true), ''), ',')::bigint[]))
            with check (current_setting('vetric.scope', true) = 'all'
                   or condominium_id = any (string_to_array(nullif(current_setting('vetric.condominiums', true), ''), ',')::bigint[]))$p$, t);
    end loop;
end
$$;
