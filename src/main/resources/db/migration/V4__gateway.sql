-- gateway module: nonces of signed API-key requests seen by any node (KEY-5: never accepted twice).
create table gw_nonce (
    nonce   varchar(128) primary key,
    seen_at timestamp with time zone not null
);
create index gw_nonce_seen_ix on gw_nonce (seen_at);
