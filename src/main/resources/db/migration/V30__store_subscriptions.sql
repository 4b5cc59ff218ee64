-- store module (SPEC §10, STO-3/STO-4): who subscribed to which entry. Beta testers are the
-- subscribers of a private entry (the launch checklist counts them); once the entry is public any
-- signed-in user may subscribe. Subscribers see the app's extensions (EXT-5) and may authorize it.
create table sto_subscription (
    entry_id      uuid not null references sto_entry (id) on delete cascade,
    user_id       uuid not null references acc_user (id) on delete cascade,
    subscribed_at timestamp with time zone not null,
    primary key (entry_id, user_id)
);
create index sto_subscription_user_ix on sto_subscription (user_id);
