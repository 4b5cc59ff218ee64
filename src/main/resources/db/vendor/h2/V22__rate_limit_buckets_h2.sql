-- Short-term rate limits, H2 form: see the PostgreSQL file. On H2 (a single node) the buckets live
-- in memory and this table stays empty; it exists so that both schemas have the same tables.
create table gw_rate_limit_bucket (
    id         varchar(1000) primary key,
    state      varbinary(65536),
    expires_at bigint
);
create index gw_rate_limit_bucket_expires_at_idx on gw_rate_limit_bucket (expires_at);
