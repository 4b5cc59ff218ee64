-- store module (SPEC §10, STO-1/STO-2): an app's store entry (one per app), the teams that may
-- see it while it is private, and its images (re-encoded PNG/JPEG, at most 8). The entry goes
-- with nothing on its own: an app with an entry cannot be deleted (APP-5, ApplicationDeletionCheck),
-- the cascade only keeps the database consistent.
create table sto_entry (
    id                   uuid primary key,
    application_id       uuid          not null references app_application (id) on delete cascade,
    name                 varchar(100)  not null,
    summary              varchar(200)  not null,
    type                 varchar(40)   not null,
    category             varchar(40)   not null,
    team_visibility      varchar(20)   not null,
    description_markdown varchar(10000),
    support_url          varchar(2048),
    support_email        varchar(254),
    vendor               varchar(100),
    version              varchar(40),
    state                varchar(20)   not null,
    created_at           timestamp with time zone not null,
    created_by           uuid,
    updated_at           timestamp with time zone not null,
    constraint sto_entry_application_uk unique (application_id)
);
create table sto_entry_team (
    entry_id uuid not null references sto_entry (id) on delete cascade,
    team_id  uuid not null,
    primary key (entry_id, team_id)
);
create table sto_image (
    entry_id     uuid        not null references sto_entry (id) on delete cascade,
    position     int         not null,
    content_type varchar(20) not null,
    bytes        bytea       not null,
    primary key (entry_id, position)
);
