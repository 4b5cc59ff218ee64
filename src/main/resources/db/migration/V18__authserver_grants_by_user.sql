-- authserver module: My account -> Applications (OAU-5) lists one user's grants. The V14 index
-- leads with the client, which serves "this user's grant to this app" but not "every grant of this
-- user"; without this one that page reads the whole table.
create index as_authorization_principal_ix on as_authorization (principal_name, registered_client_id);
