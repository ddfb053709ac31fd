-- Delivery statuses of request messages the ledger has not recorded yet (issue 13): kept, dated by the
-- platform, until the request with that message id is recorded, then applied. Versioned 4.16 (issue 13).
create table webhook_pending_status (
    business    varchar(32)  not null,
    pair_user   varchar(80)  not null,
    message_id  varchar(128) not null,
    status      varchar(16)  not null,
    occurred_at timestamp    not null,
    primary key (business, pair_user, message_id, status)
);
