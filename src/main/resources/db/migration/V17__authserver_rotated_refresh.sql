-- authserver: refresh-token reuse detection (OAU-3, RFC 9700 §4.14). A rotated (old) refresh
-- token is remembered by its SHA-256 hex only; presented again at the refresh grant it revokes its
-- authorization. Rows go with their authorization (cascade: revoked, removed or purged) or when
-- they expire. row_version makes a save conditional on the row being unchanged since it was read,
-- so two requests racing with one code or one refresh token cannot both get tokens.
alter table as_authorization add column row_version bigint default 0 not null;

create table as_rotated_refresh (
    hash             varchar(64) primary key,
    authorization_id varchar(64) not null references as_authorization (id) on delete cascade,
    rotated_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null
);
create index as_rotated_refresh_authorization_ix on as_rotated_refresh (authorization_id);
create index as_rotated_refresh_expires_ix on as_rotated_refresh (expires_at);
