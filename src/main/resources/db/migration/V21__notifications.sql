-- notifications module (NOT-1, NOT-2): the email outbox and the in-console notifications.
-- Rows are written by the module's event listeners; dedupe_key (event + recipient) is unique so a
-- publication delivered twice never makes a second email or notification.
create table not_email (
    id              uuid primary key,
    dedupe_key      varchar(300)  not null unique,
    kind            varchar(40)   not null,
    account_id      uuid,
    recipient_id    uuid,
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    html            text          not null,
    text_body       text          not null,
    -- PENDING (to be sent), SENT, or HELD (no SMTP configured when it was written)
    state           varchar(8)    not null,
    attempts        int           not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    -- a node's claim: no other node sends the email before claimed_until
    claimed_until   timestamp with time zone,
    claim_token     uuid,
    sent_at         timestamp with time zone,
    last_error      varchar(1000)
);
create index not_email_due_ix on not_email (state, next_attempt_at);
create index not_email_created_ix on not_email (created_at);

create table not_notification (
    id          uuid primary key,
    dedupe_key  varchar(300)  not null unique,
    user_id     uuid          not null,
    title       varchar(300)  not null,
    body        varchar(2000) not null,
    link        varchar(500),
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone
);
-- the bell's unread count and the user's list, newest first
create index not_notification_user_ix on not_notification (user_id, read_at, created_at);
