-- Isolation by the database too (#11): every condominium-owned table (every table with a condominium_id column)
-- has row-level security, forced (the owner too), with one policy: a row is seen and written only by work whose
-- transaction (or auto-commit statement) set the condominiums it acts for (platform.Tenancy):
--   vetric.scope        'all' for work that spans condominiums (VETRIC's staff, jobs that name their reason)
--   vetric.condominiums the ids it acts for, comma-separated
-- Without them nothing is visible and nothing can be written. The application's role is neither the owner nor
-- BYPASSRLS. Flyway migrates as the owner, and since FORCE subjects the owner too, its connections start with
-- vetric.scope = 'all' (platform.DatabaseConfiguration), so later data migrations still see every row.
--
-- Not subject, on purpose:
--   condominium       the registry of tenants itself: read (and cached for every thread) to decide which scope a
--                     request or poll gets; its API and pages are ADMIN's.
--   user_condominium  memberships: who may act for which condominium, read at sign-in and on every request before
--                     any condominium scope exists (identity data, like app_user; its API is ADMIN's).
-- Tables added later with a condominium_id must get the same policy (TenancyPoliciesTest fails otherwise).
do $$
declare
    t text;
begin
    for t in
        select c.table_name
        from information_schema.columns c
        join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
        where c.table_schema = current_schema()
          and c.column_name = 'condominium_id'
          and tb.table_type = 'BASE TABLE'
          and c.table_name not in ('condominium', 'user_condominium')
        order by c.table_name
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('drop policy if exists condominium_scope on %I', t);
        execute format($p$create policy condominium_scope on %I
            using (current_setting('vetric.scope', true) = 'all'
                   or condominium_id = any (string_to_array(nullif(current_setting('vetric.condominiums', true), ''), ',')::bigint[]))
            with check (current_setting('vetric.scope', true) = 'all'
                   or condominium_id = any (string_to_array(nullif(current_setting('vetric.condominiums', true), ''), ',')::bigint[]))$p$, t);
    end loop;
end
$$;
