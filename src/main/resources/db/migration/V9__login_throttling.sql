-- Console sign-in throttling (replaces acc_login_failure): one row per email and source address
-- (source = the client address), and one per email across all addresses (source = '*').
-- Attempts are reserved with an atomic update before the password is checked, so parallel guesses
-- can never exceed the limit; a success releases its reservation.
create table acc_login_throttle (
    email_key    varchar(254) not null,
    source       varchar(64)  not null,
    attempts     integer      not null,
    window_start timestamp with time zone not null,
    constraint acc_login_throttle_pk primary key (email_key, source)
);
create index acc_login_throttle_window on acc_login_throttle (window_start);

drop table acc_login_failure;
