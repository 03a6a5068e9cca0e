-- The provider catalogue (docs/SCHEMA.md). Everything except probes is derived from the chain by the catalogue
-- subscriber inside the follower's transaction, so it always matches the checkpoint in chain_blocks.

-- Every verified announcement that was accepted (its sequence was strictly higher than the provider's current one when
-- its block was applied). Rows of reorganized-away blocks are kept, flagged orphaned; re-applying the same block clears the flag.
CREATE TABLE announcements (
    id                INTEGER PRIMARY KEY,
    provider_key      TEXT NOT NULL,           -- "ed25519:<hex>"
    sequence          INTEGER NOT NULL,
    kind              TEXT NOT NULL,           -- Offer | Withdrawal
    expiry_height     INTEGER NOT NULL,        -- clamped to 2^63-1
    height            INTEGER NOT NULL,
    block_id          BLOB NOT NULL,
    transaction_id    BLOB NOT NULL,
    transaction_index INTEGER NOT NULL,
    entry_index       INTEGER NOT NULL,
    entry             BLOB NOT NULL,           -- the signed arbitrary-data entry, to rebuild the offer after a reorg
    orphaned          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (block_id, transaction_index, entry_index)
);
CREATE INDEX announcements_provider ON announcements (provider_key, orphaned, sequence);
CREATE INDEX announcements_block ON announcements (block_id);

-- The current offer of each provider whose latest non-orphaned announcement is an offer (withdrawn: no row).
-- Expired offers keep their row; queries hide them once the scanned height passes expiry_height.
CREATE TABLE providers (
    provider_key          TEXT PRIMARY KEY,
    sequence              INTEGER NOT NULL,
    api_url               TEXT NOT NULL,
    payout_address        BLOB NOT NULL,
    channel_key           TEXT NOT NULL,
    host_key              TEXT,                -- the operator's Sia host key, when the offer names one
    max_vcpus             INTEGER NOT NULL,
    max_memory_mib        INTEGER NOT NULL,
    max_machines          INTEGER NOT NULL,
    expiry_height         INTEGER NOT NULL,
    first_announced_height INTEGER NOT NULL,
    last_announced_height INTEGER NOT NULL,
    last_announced_block  BLOB NOT NULL,
    last_announced_transaction BLOB NOT NULL,
    min_price             BLOB NOT NULL        -- cheapest size, hastings 16-byte big-endian, for sorting providers by price
);
CREATE INDEX providers_expiry ON providers (expiry_height);
CREATE INDEX providers_last_announced ON providers (last_announced_height);
CREATE INDEX providers_min_price ON providers (min_price);
CREATE INDEX providers_host_key ON providers (host_key);

-- One row per offered size per location. Positions, not ids, are the key: a hostile offer may repeat an id.
CREATE TABLE offer_sizes (
    provider_key   TEXT NOT NULL REFERENCES providers (provider_key) ON DELETE CASCADE,
    location_index INTEGER NOT NULL,
    size_index     INTEGER NOT NULL,
    location       TEXT NOT NULL,
    size_id        INTEGER NOT NULL,
    name           TEXT NOT NULL,
    vcpus          INTEGER NOT NULL,
    memory_mib     INTEGER NOT NULL,
    disks_gib      TEXT NOT NULL,              -- comma-separated allowed boot-disk sizes
    price          BLOB NOT NULL,              -- hastings per hour, 16-byte big-endian
    PRIMARY KEY (provider_key, location_index, size_index)
);
CREATE INDEX offer_sizes_price ON offer_sizes (price);
CREATE INDEX offer_sizes_location_price ON offer_sizes (location, price);
CREATE INDEX offer_sizes_vcpus ON offer_sizes (vcpus, memory_mib);
CREATE INDEX offer_sizes_memory ON offer_sizes (memory_mib);

CREATE TABLE offer_images (
    provider_key   TEXT NOT NULL REFERENCES providers (provider_key) ON DELETE CASCADE,
    location_index INTEGER NOT NULL,
    image_index    INTEGER NOT NULL,
    location       TEXT NOT NULL,
    image_id       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    min_disk_gib   INTEGER NOT NULL,
    PRIMARY KEY (provider_key, location_index, image_index)
);
CREATE INDEX offer_images_location ON offer_images (location, name);

-- Sia's standard host announcements (SIAD.md §7), verified; orphaned like ours.
CREATE TABLE host_announcements (
    host_key          TEXT NOT NULL,
    net_address       TEXT NOT NULL,
    height            INTEGER NOT NULL,
    block_id          BLOB NOT NULL,
    transaction_index INTEGER NOT NULL,
    entry_index       INTEGER NOT NULL,
    orphaned          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (block_id, transaction_index, entry_index)
);
CREATE INDEX host_announcements_key ON host_announcements (host_key, orphaned, height);

-- Each announced Sia host's latest address on the current chain.
CREATE TABLE sia_hosts (
    host_key              TEXT PRIMARY KEY,
    net_address           TEXT NOT NULL,
    first_seen_height     INTEGER NOT NULL,
    last_announced_height INTEGER NOT NULL
);

-- What the scan skipped, per block and reason (a rejection reason, Foreign, Stale or InvalidHostAnnouncement);
-- deleted with its block on a reorganization, so the totals match a fresh scan.
CREATE TABLE scan_counts (
    block_id BLOB NOT NULL,
    height   INTEGER NOT NULL,
    reason   TEXT NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (block_id, reason)
);
CREATE INDEX scan_counts_reason ON scan_counts (reason);

-- Probe results (not chain-derived; kept across reorganizations and withdrawals, pruned after the uptime window).
CREATE TABLE probe_results (
    provider_key TEXT NOT NULL,
    probed_at    INTEGER NOT NULL,             -- unix milliseconds
    outcome      TEXT NOT NULL,                -- Up | Degraded | Down
    latency_ms   INTEGER,
    status_code  INTEGER,
    detail       TEXT
);
CREATE INDEX probe_results_provider ON probe_results (provider_key, probed_at);
CREATE INDEX probe_results_probed_at ON probe_results (probed_at);

-- The latest probe and the uptimes derived from probe_results, one row per probed provider (sortable by uptime).
CREATE TABLE provider_health (
    provider_key  TEXT PRIMARY KEY,
    online        INTEGER NOT NULL,
    last_outcome  TEXT NOT NULL,
    last_probe_at INTEGER NOT NULL,
    latency_ms    INTEGER,
    uptime_24h    REAL NOT NULL,               -- share of probes in the window that found the provider Up
    uptime_7d     REAL NOT NULL
);
CREATE INDEX provider_health_uptime_24h ON provider_health (uptime_24h);
CREATE INDEX provider_health_uptime_7d ON provider_health (uptime_7d);
