-- What this database holds: the demo's simulated world (DEMO) or a real installation (REAL). Written on the first
-- start; VETRIC refuses to start in the other mode, so the demo's accounts and simulated sessions never reach a
-- real installation, and the simulator never writes into one.
create table installation (
    singleton  boolean     primary key default true check (singleton),
    mode       text        not null check (mode in ('DEMO', 'REAL')),
    created_at timestamptz not null default now()
);

-- databases from before this table: the demo's manager account marks the demo's; residents or chargers without
-- it mark a real one; an empty database is marked by its next start
insert into installation (mode)
select case when exists (select 1 from app_user where lower(email) = 'sindico@vetric.local') then 'DEMO' else 'REAL' end
where exists (select 1 from app_user where lower(email) = 'sindico@vetric.local')
   or exists (select 1 from resident)
   or exists (select 1 from charger);
