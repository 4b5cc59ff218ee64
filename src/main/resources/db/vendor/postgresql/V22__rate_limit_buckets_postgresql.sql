-- Short-term rate limits (API-4, USE-4): one row per token bucket (credential × endpoint group ×
-- limit), read and written by Bucket4j's SELECT … FOR UPDATE proxy manager
-- (gateway.internal.PostgresRateLimiter). state is Bucket4j's serialized bucket (null between the
-- insert of a new row and its first write); expires_at (epoch milliseconds) is when the bucket has
-- been full again for a minute: such rows are deleted every minute by any node.
create table gw_rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index gw_rate_limit_bucket_expires_at_idx on gw_rate_limit_bucket (expires_at);
