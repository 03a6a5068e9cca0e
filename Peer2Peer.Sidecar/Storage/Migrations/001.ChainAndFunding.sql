-- The chain follower's checkpoint: every block it applied, by height, on the node's current chain.
CREATE TABLE chain_blocks (
    height    INTEGER PRIMARY KEY,
    id        BLOB NOT NULL UNIQUE,
    parent_id BLOB NOT NULL,
    timestamp INTEGER NOT NULL
);

-- Outputs paying the sidecar's hot address, learnt from blocks; a reverted block undoes exactly its rows.
CREATE TABLE funding_outputs (
    id             BLOB PRIMARY KEY,
    value          BLOB NOT NULL,          -- hastings, 16-byte big-endian
    created_height INTEGER NOT NULL,
    created_block  BLOB NOT NULL,
    spent_height   INTEGER,
    spent_block    BLOB
);
CREATE INDEX funding_outputs_created ON funding_outputs (created_block);
CREATE INDEX funding_outputs_spent ON funding_outputs (spent_block);

-- Transactions the sidecar signed and submitted, until a block confirms them; their inputs are reserved.
CREATE TABLE funding_pending (
    transaction_id BLOB PRIMARY KEY,
    body           BLOB NOT NULL,          -- Sia encoding, signed
    purpose        TEXT NOT NULL,
    signed_height  INTEGER NOT NULL,
    submitted_at   TEXT NOT NULL,
    confirmed_height INTEGER,
    confirmed_block  BLOB
);
CREATE TABLE funding_reservations (
    output_id      BLOB PRIMARY KEY,
    transaction_id BLOB NOT NULL REFERENCES funding_pending (transaction_id) ON DELETE CASCADE
);

-- Top-ups requested from siad's wallet, so a slow one is not requested twice.
CREATE TABLE funding_topups (
    requested_at     TEXT NOT NULL,
    requested_height INTEGER NOT NULL,
    amount           BLOB NOT NULL,
    transaction_ids  TEXT NOT NULL,      -- comma-separated hex IDs siad returned
    seen_height      INTEGER,
    seen_block       BLOB
);
