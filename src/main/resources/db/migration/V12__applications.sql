-- applications module: OAuth applications (SPEC §2). The client secret is stored only as the
-- SHA-256 hash of a 256-bit random value (APP-3); during a regenerate overlap the previous hash is
-- kept until it expires or is revoked.
create table app_application (
    id                      uuid primary key,
    owner_account_id        uuid          not null references acc_account (id),
    name                    varchar(100)  not null,
    name_key                varchar(100)  not null,
    primary_format          varchar(100)  not null,
    summary                 varchar(500)  not null,
    type                    varchar(32)   not null,
    oauth_url               varchar(2048),
    supports_collaboration  boolean       not null,
    scopes                  integer       not null,
    admin_team_id           uuid references acc_team (id) on delete set null,
    client_id               varchar(64)   not null,
    secret_hash             varchar(64)   not null,
    secret_created_at       timestamp with time zone not null,
    previous_secret_hash    varchar(64),
    previous_secret_expires timestamp with time zone,
    previous_secret_used_at timestamp with time zone,
    consent_epoch           integer       not null,
    access_token_seconds    integer       not null,
    refresh_token_seconds   integer,
    skip_consent            boolean       not null,
    created_at              timestamp with time zone not null,
    created_by              uuid,
    updated_at              timestamp with time zone not null,
    constraint app_application_format_uk unique (primary_format),
    constraint app_application_client_uk unique (client_id)
);
create index app_application_owner_name_ix on app_application (owner_account_id, name_key, id);
create index app_application_owner_created_ix on app_application (owner_account_id, created_at, id);

-- Redirect URLs in their registered order: the first is the default of /oauth/authorize (OAU-2).
create table app_redirect_url (
    application_id uuid          not null references app_application (id) on delete cascade,
    position       integer       not null,
    url            varchar(2048) not null,
    primary key (application_id, position)
);

-- Collaborators by email, lower-cased (APP-2): whoever signs in with that email may edit.
create table app_collaborator (
    application_id uuid         not null references app_application (id) on delete cascade,
    email          varchar(320) not null,
    primary key (application_id, email)
);

-- External OAuth (APP-6): the platform as a client of the app's own server; the secret sealed
-- with the same cipher as API-key secrets.
create table app_external_oauth (
    application_id    uuid          primary key references app_application (id) on delete cascade,
    client_id         varchar(255)  not null,
    secret_sealed     varchar(1024),
    authorization_url varchar(2048) not null,
    token_url         varchar(2048) not null,
    scopes            varchar(1000) not null,
    updated_at        timestamp with time zone not null
);

-- Per-owner application counts, kept with every insert and delete, so the Developer page and the
-- paged lists never count a hundred thousand rows.
create table app_account_count (
    account_id uuid    primary key references acc_account (id) on delete cascade,
    app_count  bigint  not null
);
