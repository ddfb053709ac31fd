-- One row per erased pair: which pseudonymous stream its history now lives under, when and by whom.
-- The user id itself is not kept anywhere.
create table erasure_log (
    stream varchar(120) not null primary key,
    erased_at timestamp(6) with time zone not null,
    events bigint not null,
    erased_by varchar(128) not null
);
