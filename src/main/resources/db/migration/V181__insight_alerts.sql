-- Alerts on unusual patterns (#16 item 5): what each condominium's managers chose (on/off and the threshold of each
-- kind; no row: the defaults), and every incident raised, once: an apartment's month, a charger's week, a session,
-- a tag's month. Re-detecting the same incident on a later check finds its row and sends nothing new. Muted kinds
-- are not recorded (unmuting later in the same period raises the incident then).
create table insight_alert_settings (
    condominium_id          bigint      primary key references condominium (id),
    consumption_enabled     boolean     not null,
    consumption_z           numeric(4, 1) not null,
    abnormal_ends_enabled   boolean     not null,
    abnormal_ends_sigmas    numeric(4, 1) not null,
    low_energy_enabled      boolean     not null,
    low_energy_percent      integer     not null,
    unknown_tag_enabled     boolean     not null,
    unknown_tag_uses        integer     not null,
    updated_at              timestamptz not null
);

create table insight_alert (
    id             bigserial   primary key,
    condominium_id bigint      not null references condominium (id),
    kind           text        not null,
    subject        text        not null,
    period         text        not null,
    reason         text        not null,
    raised_at      timestamptz not null,
    constraint insight_alert_uq unique (condominium_id, kind, subject, period)
);

do $$
declare
    t text;
begin
    foreach t in array array['insight_alert_settings', 'insight_alert']
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
