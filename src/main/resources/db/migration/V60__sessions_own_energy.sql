-- Sessions own "who charged how much, when" (issue #9).

-- 1. "NoError" is the wire's way of saying "no error": stored as NULL from now on.
update charger set error_code = null where error_code is not null and (btrim(error_code) = '' or lower(btrim(error_code)) = 'noerror');
update charger_connector set error_code = null where error_code is not null and (btrim(error_code) = '' or lower(btrim(error_code)) = 'noerror');
update charger_connector set error_info = null where error_info is not null and (btrim(error_info) = '' or lower(btrim(error_info)) = 'noerror');
update charger_status_history set error_code = null where error_code is not null and (btrim(error_code) = '' or lower(btrim(error_code)) = 'noerror');

-- 2. End reasons are a closed set of codes (the charger's OCPP reasons and VETRIC's own), stored by name.
update charging_session set end_reason = case lower(btrim(end_reason))
        when 'evdisconnected' then 'EV_DISCONNECTED'
        when 'local' then 'LOCAL'
        when 'remote' then 'REMOTE'
        when 'powerloss' then 'POWER_LOSS'
        when 'reboot' then 'REBOOT'
        when 'emergencystop' then 'EMERGENCY_STOP'
        when 'hardreset' then 'HARD_RESET'
        when 'softreset' then 'SOFT_RESET'
        when 'unlockcommand' then 'UNLOCK_COMMAND'
        when 'deauthorized' then 'DE_AUTHORIZED'
        when 'connectoravailable' then 'CONNECTOR_AVAILABLE'
        when 'superseded' then 'SUPERSEDED'
        when 'stuckconnectoravailable' then 'STUCK_CONNECTOR_AVAILABLE'
        else 'OTHER' end
 where end_reason is not null;
alter table charging_session add constraint charging_session_end_reason_ck check (end_reason in (
    'EV_DISCONNECTED', 'LOCAL', 'REMOTE', 'POWER_LOSS', 'REBOOT', 'EMERGENCY_STOP', 'HARD_RESET', 'SOFT_RESET',
    'UNLOCK_COMMAND', 'DE_AUTHORIZED', 'OTHER', 'CONNECTOR_AVAILABLE', 'SUPERSEDED', 'STUCK_CONNECTOR_AVAILABLE'));

-- 3. Why a session has no resident: a code too.
update charging_session set unidentified_reason = case
        when unidentified_reason like 'the charger sent no tag and tag pk%' then 'TAG_PK_UNKNOWN'
        when unidentified_reason = 'the charger sent no tag' then 'NO_TAG'
        when unidentified_reason like 'tag % is not registered%' then 'TAG_NOT_REGISTERED'
        when unidentified_reason like 'CVE-PRO has not reported the transaction%' then 'TRANSACTION_PENDING'
        when unidentified_reason like 'CVE-PRO reported no transaction%' then 'NO_TRANSACTION'
        when id_tag is not null then 'TAG_NOT_REGISTERED'
        else 'NO_TAG' end
 where unidentified_reason is not null;
update charging_session set unidentified_reason = null where resident_id is not null;
alter table charging_session add constraint charging_session_unidentified_ck check (unidentified_reason in (
    'NO_TAG', 'TAG_PK_UNKNOWN', 'TAG_NOT_REGISTERED', 'TRANSACTION_PENDING', 'NO_TRANSACTION'));

-- 4. When the car was really charging. While a watched session charges, charging_since holds the start of the
--    current interval; closed intervals are kept below. observed_live: VETRIC watched the session from its start
--    without a gap (only then are its intervals trusted; otherwise its energy is spread over its duration).
--    Sessions recorded before this version were not measured: they keep the spread rule.
alter table charging_session add column charging_since timestamptz;
alter table charging_session add column observed_live boolean not null default false;

create table session_charging_interval (
    condominium_id bigint      not null references condominium (id),
    session_id     bigint      not null references charging_session (id) on delete cascade,
    started_at     timestamptz not null,
    ended_at       timestamptz not null,
    primary key (session_id, started_at),
    constraint session_charging_interval_ordered check (ended_at >= started_at)
);
create index session_charging_interval_condo_idx on session_charging_interval (condominium_id, session_id);

-- 5. A running session's duration is derived from its start; it is stored once the session ends.
update charging_session set duration_seconds = null where ended_at is null;
