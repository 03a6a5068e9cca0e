-- Every announcement this provider signed, by sequence number. A sequence number is written here before its
-- transaction is funded, so a crash can never lead to two different bodies with the same sequence.
CREATE TABLE published_announcements (
    sequence        INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,           -- offer | withdrawal
    offer_digest    BLOB,                    -- BLAKE2b of the offer's encoding without sequence and expiry
    expiry_height   INTEGER NOT NULL,
    entry           BLOB NOT NULL,           -- the signed arbitrary-data entry
    transaction_id  BLOB,
    created_at      TEXT NOT NULL,
    confirmed_height INTEGER
);
