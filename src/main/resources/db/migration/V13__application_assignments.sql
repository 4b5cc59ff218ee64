-- applications module: sharing a company's application with its users, teams and aliases (SPEC §8).
-- target_id names a user (acc_user), a team (acc_team) or an alias (acc_alias) of the owning
-- company, after kind; the applications module removes the rows of a user who leaves the company
-- and of a deleted team or alias (UserRemoved, GroupDeleted), so no foreign key spans the kinds.
create table app_assignment (
    application_id uuid        not null references app_application (id) on delete cascade,
    kind           varchar(8)  not null,
    target_id      uuid        not null,
    created_at     timestamp with time zone not null,
    created_by     uuid,
    primary key (application_id, kind, target_id),
    constraint app_assignment_kind_ck check (kind in ('USER', 'TEAM', 'ALIAS'))
);
-- "Which applications is this user, team or alias assigned to" (a user leaving, a team deleted).
create index app_assignment_target_ix on app_assignment (kind, target_id);
