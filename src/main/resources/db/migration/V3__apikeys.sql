-- apikeys module: API keys. The secret is stored encrypted (AES-GCM), never in clear (KEY-2).
create table key_api_key (
    id             uuid primary key,
    account_id     uuid         not null references acc_account (id),
    user_id        uuid         not null references acc_user (id),
    name           varchar(100) not null,
    access_key     varchar(64)  not null,
    secret_sealed  varchar(512) not null,
    scopes         integer      not null,
    stack_key      varchar(64)  not null,
    created_at     timestamp with time zone not null,
    created_by     uuid,
    last_used_at   timestamp with time zone,
    constraint key_api_key_access_uk unique (access_key)
);
create index key_api_key_account_ix on key_api_key (account_id);
create index key_api_key_user_ix on key_api_key (user_id);
