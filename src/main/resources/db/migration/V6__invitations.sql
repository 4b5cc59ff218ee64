-- accounts module: invitations of existing users to join a company (TEN-6).
-- Adding an email that already belongs to a user never attaches them; it creates an invitation
-- that only the invitee can accept.
create table acc_invitation (
    id          uuid primary key,
    account_id  uuid         not null references acc_account (id) on delete cascade,
    user_id     uuid         not null references acc_user (id) on delete cascade,
    email       varchar(254) not null,
    role        varchar(8)   not null,
    license     varchar(8)   not null,
    state       varchar(16)  not null,
    invited_by  uuid,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    answered_at timestamp with time zone
);
create index acc_invitation_account_ix on acc_invitation (account_id, state, created_at);
create index acc_invitation_user_ix on acc_invitation (user_id, state);

-- The operator never belongs to a company (TEN-6): undo any attachment made before this rule.
update acc_user set company_id = null, company_role = null where operator = true;
