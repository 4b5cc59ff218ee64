-- authserver module: what each user consented to per application (OAU-2 "a user who already
-- granted these scopes is not asked again"). consent_epoch is the application's consent epoch when
-- the user consented: a consent given under an earlier epoch (the app's scopes widened since)
-- counts as absent. Rows are deleted with the user's whole grant (GrantsRevoked).
create table as_consent (
    registered_client_id varchar(64)   not null,
    principal_name       varchar(256)  not null,
    authorities          varchar(1000) not null,
    consent_epoch        integer       not null,
    granted_at           timestamp with time zone not null,
    primary key (registered_client_id, principal_name)
);
