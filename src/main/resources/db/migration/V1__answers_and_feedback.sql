-- One schema for SQLite (the embedded default) and PostgreSQL (ADVISOR_DATABASE_URL): only types and syntax both
-- read the same way. Times are epoch milliseconds (UTC); lists are JSON text; ids are made by the application.

-- Every answer served, so that feedback can refer to it and be turned into eval cases.
CREATE TABLE answers (
    answer_id       VARCHAR(64)      NOT NULL PRIMARY KEY,
    session_id      VARCHAR(128)     NOT NULL,
    created_at      BIGINT           NOT NULL,
    turns           TEXT             NOT NULL, -- JSON array of the conversation's questions, oldest first
    answer          TEXT             NOT NULL,
    citations       TEXT             NOT NULL, -- JSON array of the answer's citations
    mode            VARCHAR(16)      NOT NULL, -- extractive | llm
    grounded        BOOLEAN          NOT NULL,
    frameworks      TEXT             NOT NULL, -- JSON array of canonical names
    retrieval_ms    DOUBLE PRECISION NOT NULL,
    answer_ms       DOUBLE PRECISION NOT NULL,
    fallback_reason VARCHAR(64)
);

CREATE INDEX answers_created_at ON answers (created_at);

-- Ratings: every one kept (a user may change their mind: the newest counts).
CREATE TABLE feedback (
    feedback_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    answer_id   VARCHAR(64)  NOT NULL REFERENCES answers (answer_id),
    rating      VARCHAR(8)   NOT NULL CHECK (rating IN ('up', 'down')),
    comment     TEXT,
    channel     VARCHAR(16)  NOT NULL, -- api | slack
    created_at  BIGINT       NOT NULL
);

CREATE INDEX feedback_created_at ON feedback (created_at);
CREATE INDEX feedback_answer_id ON feedback (answer_id);
