-- The same card charging on two chargers at once is an incident the managers are told about (a shared or cloned card).
alter table notification_incident drop constraint notification_incident_type_check;
alter table notification_incident add constraint notification_incident_type_check
    check (type in ('FAULT', 'OFFLINE', 'STUCK', 'UNIDENTIFIED_TAG', 'DUPLICATE_TAG'));
