-- gateway (KEY-5, issue 12): the memory nonce store's write-behind. One row per write (every
-- second): the replay identities accepted since the previous write, one "access key<TAB>nonce" per
-- line. One insert a second instead of one row per signed call keeps the write-behind off the
-- node's CPU; rows older than twice the clock skew are purged every minute.
create table gw_nonce_snapshot (
    id          uuid primary key,
    written_at  timestamp with time zone not null,
    identities  text not null
);
create index gw_nonce_snapshot_written_ix on gw_nonce_snapshot (written_at);
