-- The dashboard's projections, built by the pooled streaming processor "dashboard"; rebuildable from the events.

create table dashboard_pair (
    pair_id varchar(120) not null primary key,
    business varchar(32) not null,
    user_id varchar(80) not null,
    base_state varchar(16) not null,
    grant_source varchar(20),
    permission_kind varchar(16),
    granted_at timestamp(6) with time zone,
    expires_at timestamp(6) with time zone,
    open_requests_until timestamp(6) with time zone,
    consecutive_unanswered integer not null,
    warning boolean not null,
    last_activity_at timestamp(6) with time zone,
    expired_requests integer not null,
    pair_state varchar(10000000) not null
);
create index dashboard_pair_by_business on dashboard_pair (business, last_activity_at);

create table dashboard_request (
    pair_id varchar(120) not null,
    request_id varchar(128) not null,
    business varchar(32) not null,
    user_id varchar(80) not null,
    channel varchar(16),
    sent_at timestamp(6) with time zone,
    delivered_at timestamp(6) with time zone,
    response varchar(16),
    permanent boolean not null,
    replied_at timestamp(6) with time zone,
    expires_at timestamp(6) with time zone,
    expired_at timestamp(6) with time zone,
    expiry_reason varchar(16),
    first_seen_at timestamp(6) with time zone not null,
    primary key (pair_id, request_id)
);
create index dashboard_request_by_business on dashboard_request (business, sent_at);

create table dashboard_call (
    pair_id varchar(120) not null,
    sequence_number bigint not null,
    business varchar(32) not null,
    user_id varchar(80) not null,
    call_id varchar(128) not null,
    direction varchar(20) not null,
    placed_at timestamp(6) with time zone not null,
    outcome varchar(16),
    outcome_at timestamp(6) with time zone,
    refused boolean not null,
    refusal_code varchar(32),
    rule varchar(40),
    retry_at timestamp(6) with time zone,
    primary key (pair_id, sequence_number)
);
create index dashboard_call_by_business on dashboard_call (business, placed_at);
create index dashboard_call_by_call on dashboard_call (pair_id, call_id);

create table dashboard_timeline (
    pair_id varchar(120) not null,
    sequence_number bigint not null,
    occurred_at timestamp(6) with time zone not null,
    kind varchar(40) not null,
    text varchar(400) not null,
    rule varchar(40),
    primary key (pair_id, sequence_number)
);
