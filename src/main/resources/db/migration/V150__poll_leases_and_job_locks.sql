-- Several VETRIC instances on one PostgreSQL (#12, items 1-2).
--
-- poll_instance: each running instance says it is alive (a heartbeat renewed every second or so); the live ones are
-- those whose expires_at is in the future. An instance takes at most its fair share of the connections:
-- ceil(connections / live instances).
create table poll_instance (
    holder     text        primary key,
    expires_at timestamptz not null
);

-- poll_lease: which instance polls a CVE-PRO connection. A lease is renewed while its holder lives; once expired
-- (the holder died, paused, or released it at a clean stop) another instance takes it over and the token goes up by
-- one. The cycle's write transactions lock the row (for share) and write only if holder and token are still the ones
-- the poll started with: a paused instance that lost its lease writes nothing (fencing).
create table poll_lease (
    connection_id bigint      primary key references cpms_connection (id) on delete cascade,
    holder        text        not null,
    token         bigint      not null,
    expires_at    timestamptz not null
);
create index poll_lease_holder_idx on poll_lease (holder);

-- ShedLock: each scheduled job (purges, due checks, statements) runs on one instance at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
