-- The session export and the charger page read sessions newest first by keyset, (started_at, id) < (last seen),
-- in pages: these indexes serve that order for a condominium and for one charger. The older (condominium_id,
-- started_at desc) index is a prefix of the first and goes.
create index charging_session_keyset_idx on charging_session (condominium_id, started_at desc, id desc);
create index charging_session_charger_keyset_idx on charging_session (condominium_id, charger_uuid, started_at desc, id desc);
drop index charging_session_started_idx;
