-- extensions module (API-2): the small JSON key/value store of an app per user and per company.
-- ext_setting_owner has one row per app × owner that has (or had) settings: writers lock it
-- (select … for update) so that the 100-keys-per-owner limit holds under concurrent writes on every
-- database, without advisory locks. Both go with their app (on delete cascade). Owners are users or
-- company accounts of the accounts module, referenced by id only (owner_kind says which).
create table ext_setting_owner (
    application_id uuid        not null references app_application (id) on delete cascade,
    owner_kind     varchar(10) not null,
    owner_id       uuid        not null,
    constraint ext_setting_owner_pk primary key (application_id, owner_kind, owner_id),
    constraint ext_setting_owner_kind_ck check (owner_kind in ('USER', 'COMPANY'))
);
create table ext_setting (
    application_id uuid         not null,
    owner_kind     varchar(10)  not null,
    owner_id       uuid         not null,
    setting_key    varchar(100) not null,
    setting_value  text         not null,
    updated_at     timestamp with time zone not null,
    constraint ext_setting_pk primary key (application_id, owner_kind, owner_id, setting_key),
    constraint ext_setting_owner_fk foreign key (application_id, owner_kind, owner_id)
        references ext_setting_owner (application_id, owner_kind, owner_id) on delete cascade
);
