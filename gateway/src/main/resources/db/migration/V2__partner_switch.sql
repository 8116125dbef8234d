-- An operator's decision to switch deliveries to a partner off or on again; it outlives a restart.
create table partner_switch (
    partner_code  varchar(32)  primary key,
    enabled       boolean      not null,
    changed_by    varchar(64)  not null,
    changed_at    timestamp with time zone not null
);
