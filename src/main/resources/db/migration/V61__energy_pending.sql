-- The charger reports an open session's energy only when it ends (CVE-PRO sends energy null while running):
-- pages say "energia informada ao final" instead of a false 0,00 kWh.
alter table charging_session add column energy_pending boolean not null default false;
