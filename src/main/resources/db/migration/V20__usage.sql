-- usage module (USE-2..7): pre-aggregated counters, incremented in batches by each node's flush
-- (never one row per call). "None" in a dimension (no application for a key call, no key for a
-- token call) is the nil UUID 00000000-0000-0000-0000-000000000000, so that every key column is
-- part of the primary key and upserts need no null handling.

-- the detail: one row per day (call_day, UTC) x account x application x key x user x endpoint group
create table use_counter (
    account_id     uuid        not null,
    call_day       date        not null,
    application_id uuid        not null,
    key_id         uuid        not null,
    user_id        uuid        not null,
    endpoint_group varchar(32) not null,
    calls          bigint      not null,
    primary key (account_id, call_day, application_id, key_id, user_id, endpoint_group)
);

-- the chart: calls per account and day
create table use_day_total (
    account_id uuid   not null,
    call_day   date   not null,
    calls      bigint not null,
    primary key (account_id, call_day)
);

-- the breakdowns and the allocation check: calls per account, allocation period and dimension
-- value. dimension: 'all' (dim_key '', the period's used total), 'application', 'apiKey', 'user',
-- 'endpoint' (dim_key the id or group name).
create table use_period_total (
    account_id   uuid        not null,
    period_start date        not null,
    dimension    varchar(16) not null,
    dim_key      varchar(64) not null,
    calls        bigint      not null,
    primary key (account_id, period_start, dimension, dim_key)
);

-- USE-5: a threshold is reached once per account and period, decided by this primary key whatever
-- the number of nodes that cross it
create table use_threshold (
    account_id   uuid     not null,
    period_start date     not null,
    threshold    smallint not null,
    used         bigint   not null,
    allocation   bigint   not null,
    reached_at   timestamp with time zone not null,
    primary key (account_id, period_start, threshold)
);
