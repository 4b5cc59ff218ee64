-- apikeys module, issue 6.

-- The change feed that revokes cached keys on every node (DESIGN "Caches and revocation at scale"):
-- one row per change that affects a key (the key deleted; its user suspended, changed or removed
-- from a company; its account renamed), written in the transaction of the change. Every node reads
-- the rows of the last seconds once a second by changed_at (indexed) and drops what they name from
-- its cache; old rows are purged. Exactly one of access_key, user_id, account_id is set.
create table key_change (
    id          uuid primary key,
    access_key  varchar(64),
    user_id     uuid,
    account_id  uuid,
    changed_at  timestamp with time zone not null
);
create index key_change_changed_ix on key_change (changed_at);

-- Bootstrap access keys (PORTICO_BOOTSTRAP_OPERATOR_KEY) created once: a bootstrap key that was
-- deleted is not created again at the next start while the variable is still set (TEN-5).
create table key_bootstrap_issued (
    access_key  varchar(64) primary key,
    created_at  timestamp with time zone not null
);
insert into key_bootstrap_issued (access_key, created_at)
    select access_key, created_at from key_api_key
     where name = 'Bootstrap operator key' and created_by is null and stack_key = 'any';
