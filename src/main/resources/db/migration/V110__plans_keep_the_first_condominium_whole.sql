-- Plans have limits now (#11): basic has no WhatsApp notifications and no statements, at most 50 residents and
-- 5 chargers. The installation's own condominium (the oldest, which had everything before condominiums had plans and
-- was given 'basic' by V90's default) moves to 'enterprise' so that upgrading takes nothing away; any other
-- condominium keeps the plan the operator chose.
update condominium
   set plan = 'enterprise', updated_at = now()
 where id = (select min(id) from condominium)
   and plan = 'basic';
