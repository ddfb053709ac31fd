-- The pair timeline is read from the pair's events (docs/performance.md, change 17); the business summary's
-- count of refused permission requests keeps a narrow table of its own, filled here from the timeline so
-- that no rebuild is needed.
create table dashboard_refused_request (
    pair_id varchar(120) not null,
    sequence_number bigint not null,
    business varchar(32) not null,
    refused_at timestamp(6) with time zone not null,
    rule varchar(40),
    primary key (pair_id, sequence_number)
);
create index dashboard_refused_request_by_business on dashboard_refused_request (business, refused_at);

insert into dashboard_refused_request (pair_id, sequence_number, business, refused_at, rule)
select t.pair_id, t.sequence_number, d.business, t.occurred_at, t.rule
from dashboard_timeline t join dashboard_pair d on d.pair_id = t.pair_id
where t.kind = 'PermissionRequestRefused';

drop table dashboard_timeline;
