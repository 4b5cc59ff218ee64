-- Lists that scale (issue 6): team and alias names unique per company case-insensitively, in the
-- database too, and the indexes that let every paged list sort and count in SQL.
-- Plain SQL for H2 and PostgreSQL; indexes on expressions live in db/vendor/postgresql.

-- name_key is the name in lower case (written by the application). Names that already differ only
-- in letter case keep working: every one but the first gets a suffix that keeps its key unique.
alter table acc_team add column name_key varchar(140);
update acc_team set name_key = lower(name);
update acc_team set name_key = lower(name) || '#' || cast(id as varchar(36))
 where exists (select 1 from acc_team o
                where o.account_id = acc_team.account_id and lower(o.name) = lower(acc_team.name)
                  and cast(o.id as varchar(36)) < cast(acc_team.id as varchar(36)));
alter table acc_team alter column name_key set not null;
alter table acc_team drop constraint acc_team_name_uk;
alter table acc_team add constraint acc_team_name_uk unique (account_id, name_key);

alter table acc_alias add column name_key varchar(140);
update acc_alias set name_key = lower(name);
update acc_alias set name_key = lower(name) || '#' || cast(id as varchar(36))
 where exists (select 1 from acc_alias o
                where o.account_id = acc_alias.account_id and lower(o.name) = lower(acc_alias.name)
                  and cast(o.id as varchar(36)) < cast(acc_alias.id as varchar(36)));
alter table acc_alias alter column name_key set not null;
alter table acc_alias drop constraint acc_alias_name_uk;
alter table acc_alias add constraint acc_alias_name_uk unique (account_id, name_key);

-- "Which teams hold this user / this team": the primary keys start with the group.
create index acc_team_member_user_ix on acc_team_member (user_id);
create index acc_alias_user_user_ix on acc_alias_user (user_id);
create index acc_alias_team_team_ix on acc_alias_team (team_id);

-- Company settings → Users, sorted by each column (the tie-breaker id runs the same way).
create index acc_user_company_email_ix on acc_user (company_id, email_key);
create index acc_user_company_created_ix on acc_user (company_id, created_at, id);
create index acc_user_company_role_ix on acc_user (company_id, company_role, id);
create index acc_user_company_license_ix on acc_user (company_id, license, id);
create index acc_user_company_state_ix on acc_user (company_id, state, id);

-- Developer → API keys of an account, sorted by each column.
create index key_api_key_account_created_ix on key_api_key (account_id, created_at, id);
create index key_api_key_account_access_ix on key_api_key (account_id, access_key);
create index key_api_key_account_user_ix on key_api_key (account_id, user_id, created_at, id);

-- How many keys each account holds, kept by the apikeys module in the transaction of every
-- creation and deletion (ApiKeyCreated, ApiKeyDeleted): counting a million index entries on every
-- list request cost more than the rest of the page.
create table key_account_count (
    account_id uuid primary key references acc_account (id) on delete cascade,
    key_count  bigint not null
);
insert into key_account_count (account_id, key_count)
  select account_id, count(*) from key_api_key group by account_id;
