-- PostgreSQL: payloads and tokens are bytea, never large objects (oid), see config/PostgresByteaDialect.
-- Axon's JPA event store, token store, saga store and dead-letter queue, as Axon 4.13 maps them
-- (global index with increment 1, see META-INF/orm.xml), and the ledger's own tables.

create sequence domain_event_entry_seq start with 1 increment by 1;
create sequence association_value_entry_seq start with 1 increment by 50;

create table domain_event_entry (
    global_index bigint not null primary key,
    sequence_number bigint not null,
    aggregate_identifier varchar(255) not null,
    event_identifier varchar(255) not null unique,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    type varchar(255),
    meta_data bytea,
    payload bytea not null,
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    sequence_number bigint not null,
    aggregate_identifier varchar(255) not null,
    event_identifier varchar(255) not null unique,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    type varchar(255) not null,
    meta_data bytea,
    payload bytea not null,
    primary key (sequence_number, aggregate_identifier, type)
);

create table token_entry (
    segment integer not null,
    processor_name varchar(255) not null,
    owner varchar(255),
    timestamp varchar(255) not null,
    token_type varchar(255),
    token bytea,
    primary key (segment, processor_name)
);

create table saga_entry (
    saga_id varchar(255) not null primary key,
    revision varchar(255),
    saga_type varchar(255),
    serialized_saga bytea
);

create table association_value_entry (
    id bigint not null primary key,
    association_key varchar(255) not null,
    association_value varchar(255),
    saga_id varchar(255) not null,
    saga_type varchar(255)
);
create index association_value_by_saga on association_value_entry (saga_id, saga_type);
create index association_value_by_key on association_value_entry (saga_type, association_key, association_value);

create table dead_letter_entry (
    dead_letter_id varchar(255) not null primary key,
    enqueued_at timestamp(6) with time zone not null,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    sequence_index bigint not null,
    sequence_number bigint,
    cause_message varchar(1023),
    aggregate_identifier varchar(255),
    cause_type varchar(255),
    event_identifier varchar(255) not null,
    message_type varchar(255) not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    processing_group varchar(255) not null,
    sequence_identifier varchar(255) not null,
    time_stamp varchar(255) not null,
    token_type varchar(255),
    type varchar(255),
    diagnostics bytea,
    meta_data bytea,
    payload bytea not null,
    token bytea,
    unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_by_group on dead_letter_entry (processing_group);
create index dead_letter_by_sequence on dead_letter_entry (processing_group, sequence_identifier);

create table business_settings (
    business varchar(32) not null primary key,
    callback_permission varchar(16) not null,
    policy varchar(64),
    updated_at timestamp(6) with time zone not null
);

create table due_expiry (
    pair_id varchar(120) not null,
    subject varchar(140) not null,
    due_at timestamp(6) with time zone not null,
    primary key (pair_id, subject)
);
create index due_expiry_by_due_at on due_expiry (due_at);
