-- Every instance keeps the CVE-PRO connections and, per connection, the chargers its account reported (uuid ->
-- assignment) in memory instead of reading them again at every poll. Any write to these tables, by any instance or by
-- hand, signals the connection's id on the channel vetric_cpms when its transaction commits (PostgreSQL folds the
-- same signal sent many times in one transaction into one): each instance then reads that connection again.
-- The trigger's argument names the column that holds the connection's id.
create function vetric_signal_cpms_change() returns trigger language plpgsql as $$
begin
    if tg_op <> 'DELETE' then
        perform pg_notify('vetric_cpms', to_jsonb(new) ->> tg_argv[0]);
    end if;
    if tg_op <> 'INSERT' then
        perform pg_notify('vetric_cpms', to_jsonb(old) ->> tg_argv[0]);
    end if;
    return null;
end
$$;

create trigger cpms_connection_signals after insert or update or delete on cpms_connection
    for each row execute function vetric_signal_cpms_change('id');

create trigger cpms_charger_signals after insert or update or delete on cpms_charger
    for each row execute function vetric_signal_cpms_change('connection_id');
