-- Rows written for every block are keyed in chain order (by height), so each insert appends to the end of its B-tree.
-- Keyed by block ID they landed on a random page of a growing index per block: most of the initial scan's write cost.

-- The checkpoint is read by height only; nothing looks a block up by ID.
CREATE TABLE chain_blocks_by_height (
    height    INTEGER PRIMARY KEY,
    id        BLOB NOT NULL,
    parent_id BLOB NOT NULL,
    timestamp INTEGER NOT NULL
);
INSERT INTO chain_blocks_by_height SELECT height, id, parent_id, timestamp FROM chain_blocks;
DROP TABLE chain_blocks;
ALTER TABLE chain_blocks_by_height RENAME TO chain_blocks;

-- Skip counts per block by height: the follower only ever reverts its tip, so the rows at a height are its block's.
CREATE TABLE scan_counts_by_height (
    height INTEGER NOT NULL,
    reason TEXT NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (height, reason)
) WITHOUT ROWID;
INSERT INTO scan_counts_by_height SELECT height, reason, count FROM scan_counts;
DROP TABLE scan_counts;
ALTER TABLE scan_counts_by_height RENAME TO scan_counts;

-- Their running totals, kept in the same transactions, so that /api/status does not sum a row per block.
CREATE TABLE scan_totals (
    reason TEXT PRIMARY KEY,
    count  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO scan_totals SELECT reason, SUM(count) FROM scan_counts GROUP BY reason;

-- Covered by the UNIQUE (block_id, transaction_index, entry_index) index.
DROP INDEX announcements_block;
