-- Fleet service schema v1. One script for SQLite and PostgreSQL: {{id}} becomes the dialect's auto-increment primary key;
-- booleans are INTEGER 0/1 and times are Unix milliseconds (BIGINT) so both databases hold the same values.

CREATE TABLE vehicles (
    vehicle_id      TEXT PRIMARY KEY,
    name            TEXT,
    driver_email    TEXT,
    registered      INTEGER NOT NULL DEFAULT 0,
    first_seen_ms   BIGINT NOT NULL,
    updated_ms      BIGINT NOT NULL,
    -- latest status (retained on the broker; the last will says offline)
    status_state    TEXT,
    status_t        BIGINT,
    status_json     TEXT,
    status_ms       BIGINT,
    -- latest telemetry (only the newest is kept)
    telemetry_t     BIGINT,
    telemetry_seq   BIGINT,
    telemetry_json  TEXT,
    soc_pct         DOUBLE PRECISION,
    pos_m           DOUBLE PRECISION,
    speed_kmh       DOUBLE PRECISION,
    top_sev         INTEGER NOT NULL DEFAULT 0,
    -- latest forecast
    forecast_t      BIGINT,
    forecast_json   TEXT,
    dest_p10        DOUBLE PRECISION,
    dest_p50        DOUBLE PRECISION,
    dest_p90        DOUBLE PRECISION,
    route_end_m     DOUBLE PRECISION,
    -- alert sequence bookkeeping (contract: per-vehicle seq, +1 per alert message, a lower seq with a later time = new series)
    alert_series    INTEGER NOT NULL DEFAULT 1,
    last_seq        BIGINT NOT NULL DEFAULT 0,
    last_seq_t      BIGINT NOT NULL DEFAULT 0,
    duplicates      BIGINT NOT NULL DEFAULT 0,
    -- latest alerts/active set
    active_seq      BIGINT,
    active_t        BIGINT,
    active_json     TEXT
);

CREATE TABLE alerts (
    id              {{id}},
    vehicle_id      TEXT NOT NULL,
    series          INTEGER NOT NULL,
    seq             BIGINT NOT NULL,
    t               BIGINT NOT NULL,
    code            TEXT NOT NULL,
    sev             TEXT NOT NULL,
    event           TEXT NOT NULL,
    active          INTEGER NOT NULL,
    acked           INTEGER NOT NULL,
    fleet           INTEGER NOT NULL,
    text            TEXT NOT NULL,
    pos_m           DOUBLE PRECISION,
    strand_m        DOUBLE PRECISION,
    odo_km          DOUBLE PRECISION,
    payload         TEXT NOT NULL,
    received_ms     BIGINT NOT NULL,
    stored_ms       BIGINT NOT NULL,
    instance_id     TEXT NOT NULL,
    -- A QoS 1 redelivery repeats seq and t; a new series (store erased) reuses seq with a later t.
    UNIQUE (vehicle_id, seq, t)
);
CREATE INDEX alerts_vehicle ON alerts (vehicle_id, id);
CREATE INDEX alerts_stored ON alerts (stored_ms);

-- Gaps (missing seq), late (out-of-order) arrivals and new series, as the ingest saw them.
CREATE TABLE seq_events (
    id              {{id}},
    vehicle_id      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    seq             BIGINT NOT NULL,
    expected        BIGINT NOT NULL,
    missing         BIGINT NOT NULL,
    at_ms           BIGINT NOT NULL
);
CREATE INDEX seq_events_vehicle ON seq_events (vehicle_id, id);

-- Payloads the contract refused: kept (the start of them) so nothing the broker delivered is silently lost.
CREATE TABLE rejected_messages (
    id              {{id}},
    topic           TEXT NOT NULL,
    vehicle_id      TEXT,
    reason          TEXT NOT NULL,
    detail          TEXT NOT NULL,
    size_bytes      INTEGER NOT NULL,
    payload_head    TEXT NOT NULL,
    at_ms           BIGINT NOT NULL
);

-- The notification outbox: written in the alert's own transaction, marked when sent.
CREATE TABLE notifications (
    id              {{id}},
    alert_id        BIGINT NOT NULL,
    vehicle_id      TEXT NOT NULL,
    channel         TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms BIGINT NOT NULL,
    claimed_by      TEXT,
    claimed_until   BIGINT,
    last_error      TEXT,
    created_ms      BIGINT NOT NULL,
    sent_ms         BIGINT,
    UNIQUE (alert_id, channel, recipient)
);
CREATE INDEX notifications_due ON notifications (status, next_attempt_ms);

CREATE TABLE commands (
    request_id      TEXT PRIMARY KEY,
    vehicle_id      TEXT NOT NULL,
    name            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    sent_by         TEXT NOT NULL,
    sent_ms         BIGINT NOT NULL,
    result_ok       INTEGER,
    result_field    TEXT,
    result_reason   TEXT,
    result_json     TEXT,
    result_ms       BIGINT
);
CREATE INDEX commands_vehicle ON commands (vehicle_id, sent_ms);

CREATE TABLE operators (
    username        TEXT PRIMARY KEY,
    password_hash   TEXT NOT NULL,
    created_ms      BIGINT NOT NULL
);

CREATE TABLE api_tokens (
    token_sha256    TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    created_ms      BIGINT NOT NULL
);

-- Instances sharing one subscription: heartbeats, so a survivor can take over a silent peer's broker session.
CREATE TABLE fleet_instances (
    instance_id     TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL,
    share_group     TEXT NOT NULL,
    heartbeat_ms    BIGINT NOT NULL
);
