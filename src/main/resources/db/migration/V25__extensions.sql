-- extensions module (SPEC §7): an app's extensions. An extension goes with its app (APP-5).
-- one_per_app holds the location for the locations an app may have once (ELEMENT_TAB,
-- PART_NUMBER_GENERATOR) and is null otherwise: the unique constraint keeps the EXT-2 rule under
-- concurrent creation on every database (nulls are distinct in H2 and PostgreSQL).
create table ext_extension (
    id             uuid primary key,
    application_id uuid          not null references app_application (id) on delete cascade,
    name           varchar(100)  not null,
    description    varchar(1000),
    location       varchar(40)   not null,
    context        varchar(40),
    action_url     varchar(2048) not null,
    action_type    varchar(40),
    action_body    varchar(8000),
    show_response  boolean       not null,
    one_per_app    varchar(40),
    icon_type      varchar(40),
    icon           bytea,
    created_at     timestamp with time zone not null,
    created_by     uuid,
    updated_at     timestamp with time zone not null,
    constraint ext_extension_one_per_app_uk unique (application_id, one_per_app)
);
create index ext_extension_app_ix on ext_extension (application_id, name, id);
create index ext_extension_location_ix on ext_extension (location, context, application_id);
