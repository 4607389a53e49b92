-- The delivery log keeps the gateway's HTTP status code and a classified reason, never its response body (which
-- may echo keys, tokens or phone numbers). Older rows had "HTTP 400: <body>" or a network error text in
-- last_error: they keep their status code and get a reason, and the text is dropped. last_error now only says why
-- a message was SKIPPED (VETRIC's own words).
alter table notification_outbox
    add column last_status_code int,
    add column last_reason      text check (last_reason in ('GATEWAY_REJECTED', 'UNAUTHORIZED', 'RATE_LIMITED',
        'GATEWAY_ERROR', 'TIMEOUT', 'NETWORK', 'NOT_CONFIGURED', 'ADDRESS_NOT_ALLOWED', 'UNEXPECTED'));

update notification_outbox
   set last_status_code = case when last_error ~ '^HTTP [0-9]{3}' then substring(last_error from 6 for 3)::int end,
       last_reason = case
           when last_error ~ '^HTTP (401|403)' then 'UNAUTHORIZED'
           when last_error ~ '^HTTP 429' then 'RATE_LIMITED'
           when last_error ~ '^HTTP 408' then 'TIMEOUT'
           when last_error ~ '^HTTP 5' then 'GATEWAY_ERROR'
           when last_error ~ '^HTTP ' then 'GATEWAY_REJECTED'
           when last_error like 'timeout%' then 'TIMEOUT'
           when last_error like 'network error%' then 'NETWORK'
           when last_error like '%not configured%' or last_error = 'invalid gateway URL' then 'NOT_CONFIGURED'
           else 'UNEXPECTED'
       end,
       last_error = null
 where status <> 'SKIPPED' and last_error is not null;
