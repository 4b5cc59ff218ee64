-- authserver module: OAuth 2 authorizations (SPEC §3). Authorization codes, access tokens,
-- refresh tokens and consent states are stored ONLY as the lower-case hex SHA-256 of their value
-- (OAU-6): a dump of this table holds nothing a client could present. purge_after is the latest
-- expiry of the row's tokens; rows past it are deleted on a schedule.
create table as_authorization (
    id                   varchar(64)   primary key,
    registered_client_id varchar(64)   not null,
    principal_name       varchar(256)  not null,
    grant_type           varchar(64)   not null,
    authorized_scopes    varchar(1000) not null,
    attributes           text          not null,
    state_hash           varchar(64),
    code_hash            varchar(64),
    code_issued_at       timestamp with time zone,
    code_expires_at      timestamp with time zone,
    code_invalidated     boolean       not null,
    access_hash          varchar(64),
    access_issued_at     timestamp with time zone,
    access_expires_at    timestamp with time zone,
    access_scopes        varchar(1000),
    access_claims        text,
    access_invalidated   boolean       not null,
    refresh_hash         varchar(64),
    refresh_issued_at    timestamp with time zone,
    refresh_expires_at   timestamp with time zone,
    refresh_invalidated  boolean       not null,
    purge_after          timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);
create unique index as_authorization_state_ux on as_authorization (state_hash);
create unique index as_authorization_code_ux on as_authorization (code_hash);
create unique index as_authorization_access_ux on as_authorization (access_hash);
create unique index as_authorization_refresh_ux on as_authorization (refresh_hash);
create index as_authorization_client_ix on as_authorization (registered_client_id, principal_name);
create index as_authorization_purge_ix on as_authorization (purge_after);
