-- gateway module: the replay identity of a signed request is exactly what its signature covers
-- (KEY-5): the access key plus the nonce in lower case. "ABC…" and "abc…" are one nonce; the same
-- nonce under two access keys is two.
--
-- The rows of the old table (nonce as sent, no access key) cannot be carried over: their requests
-- are at most 2 × the clock skew old, and the new key cannot be derived from them. Upgrading
-- therefore forgets the nonces of the last 10 minutes once; stop all nodes for this migration.
drop table gw_nonce;

create table gw_nonce (
    access_key varchar(64)  not null,
    nonce      varchar(128) not null,
    seen_at    timestamp with time zone not null,
    constraint gw_nonce_pk primary key (access_key, nonce),
    constraint gw_nonce_lower_ck check (nonce = lower(nonce))
);
create index gw_nonce_seen_ix on gw_nonce (seen_at);
