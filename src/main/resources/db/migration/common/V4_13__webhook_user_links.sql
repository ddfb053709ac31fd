-- Ties the two ids the platform may name one user by (phone wa_id, business-scoped user id) to one pair user.
-- Versioned 4.13 (issue 13) so it sorts after V4 without taking a number another change may need.
create table webhook_user_link (
    business    varchar(32) not null,
    platform_id varchar(80) not null,
    pair_user   varchar(80) not null,
    primary key (business, platform_id)
);
