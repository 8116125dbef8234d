-- The gateway's verdict on the issuing authority's signature (签名) of an accepted inbound message, written in the
-- transaction that records the message. A side table keyed by the ledger row, so the ledger's own columns (and the
-- seals of V7 over them) stay as they are. A row exists for every message whose type needs recognition (互认) and for
-- every message that came signed. No foreign key, as for the seals of V7: a deleted ledger row is for verification to
-- find.
create table signature_verdict (
    message_row_id  bigint        primary key,           -- ledger_message.id of the inbound row
    verdict         varchar(24)   not null,              -- VERIFIED, UNSIGNED, INVALID, CERTIFICATE_EXPIRED, ...
    detail          varchar(2000) not null,              -- why, for operators and the receiver
    signature       varchar(8000)                        -- the detached JWS as sent, null when unsigned
);
