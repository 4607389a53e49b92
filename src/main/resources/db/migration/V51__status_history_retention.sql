-- The nightly prune of charger status history (vetric.chargers.status-history-retention) finds old rows by age,
-- across condominiums.
create index charger_status_history_observed_idx on charger_status_history (observed_at);
