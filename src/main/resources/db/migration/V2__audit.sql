-- audit module: the audit trail (AUD-1).
-- Plain SQL that runs unchanged on H2 (embedded default) and PostgreSQL.
-- Entries are written in the transaction of the change they record. No foreign keys: an entry
-- outlives the account and user it names, and the audit module owns no other table.

create table aud_entry (
    id            uuid primary key,
    occurred_at   timestamp with time zone not null,
    actor_user_id uuid,
    actor_email   varchar(254) not null,
    operator      boolean      not null,
    source_ip     varchar(64),
    account_id    uuid,
    action        varchar(100) not null,
    target        varchar(300) not null,
    -- JSON object of field name to "old → new" or the new value; never holds a secret.
    diff          text         not null
);
create index aud_entry_account_ix on aud_entry (account_id, occurred_at desc);
create index aud_entry_time_ix on aud_entry (occurred_at desc);
