-- External OAuth tokens (APP-6, OAU-5): what a user's grant of External access gave Portico at the
-- app's own server. Both tokens are sealed with the platform cipher (AES-GCM), bound to the app and
-- the user, so a copied value opens on no other row; a dump yields no usable token without the key.
-- A grant goes with its app (APP-5) and its user; changing the app's client id deletes its grants.
create table app_external_token (
    application_id  uuid          not null references app_application (id) on delete cascade,
    user_id         uuid          not null references acc_user (id) on delete cascade,
    access_sealed   varchar(8000) not null,
    refresh_sealed  varchar(8000),
    token_type      varchar(40)   not null,
    expires_at      timestamp with time zone,
    scopes          varchar(1000) not null,
    granted_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    primary key (application_id, user_id)
);
create index app_external_token_user_ix on app_external_token (user_id, granted_at);
