-- accounts module: accounts, users, teams, aliases, console login throttling.
-- Plain SQL that runs unchanged on H2 (embedded default) and PostgreSQL.

create table acc_account (
    id                  uuid primary key,
    type                varchar(16)  not null,
    name                varchar(100) not null,
    plan                varchar(32)  not null,
    domain              varchar(253),
    allocation_start    date         not null,
    allocation_override bigint,
    created_at          timestamp with time zone not null,
    constraint acc_account_domain_uk unique (domain)
);

create table acc_user (
    id                  uuid primary key,
    email               varchar(254) not null,
    email_key           varchar(254) not null,
    name                varchar(100) not null,
    password_hash       varchar(255),
    license             varchar(8)   not null,
    state               varchar(16)  not null,
    operator            boolean      not null,
    personal_account_id uuid         not null references acc_account (id),
    company_id          uuid references acc_account (id),
    company_role        varchar(8),
    created_at          timestamp with time zone not null,
    constraint acc_user_email_uk unique (email_key)
);
create index acc_user_company_ix on acc_user (company_id);

create table acc_team (
    id         uuid primary key,
    account_id uuid         not null references acc_account (id),
    name       varchar(100) not null,
    created_at timestamp with time zone not null,
    constraint acc_team_name_uk unique (account_id, name)
);

create table acc_team_member (
    team_id uuid not null references acc_team (id) on delete cascade,
    user_id uuid not null references acc_user (id) on delete cascade,
    primary key (team_id, user_id)
);

create table acc_alias (
    id         uuid primary key,
    account_id uuid         not null references acc_account (id),
    name       varchar(100) not null,
    created_at timestamp with time zone not null,
    constraint acc_alias_name_uk unique (account_id, name)
);

create table acc_alias_user (
    alias_id uuid not null references acc_alias (id) on delete cascade,
    user_id  uuid not null references acc_user (id) on delete cascade,
    primary key (alias_id, user_id)
);

create table acc_alias_team (
    alias_id uuid not null references acc_alias (id) on delete cascade,
    team_id  uuid not null references acc_team (id) on delete cascade,
    primary key (alias_id, team_id)
);

-- Failed console logins per email, shared by every node.
create table acc_login_failure (
    email_key    varchar(254) primary key,
    failures     integer not null,
    first_at     timestamp with time zone not null,
    locked_until timestamp with time zone
);
