-- store module (SPEC §10, STO-3): the launch checklist's manual ticks, when the entry last asked
-- for review and when it became public, and the review history (each request, approval and
-- return, with the operator's comments on a return). Automatic items are computed, never stored.
create table sto_checklist_tick (
    entry_id  uuid        not null references sto_entry (id) on delete cascade,
    item_key  varchar(40) not null,
    ticked_by uuid,
    ticked_at timestamp with time zone not null,
    primary key (entry_id, item_key)
);
alter table sto_entry add column requested_at timestamp with time zone;
alter table sto_entry add column published_at timestamp with time zone;
create table sto_review (
    id          uuid primary key,
    entry_id    uuid          not null references sto_entry (id) on delete cascade,
    decision    varchar(20)   not null,
    comments    varchar(2000),
    actor_id    uuid,
    actor_email varchar(254)  not null,
    decided_at  timestamp with time zone not null
);
create index sto_review_entry_ix on sto_review (entry_id, decided_at);
create index sto_entry_state_ix on sto_entry (state, requested_at);
