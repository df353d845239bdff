-- Panelist schema version 1: every Store table.
-- Text keys use the "C" collation so ordering (ties in leaderboards, record keys) is by code point,
-- as the memory and file stores order them, whatever the database's default collation.

-- One row per (space, user): the UserRecord as jsonb, plus the fields leaderboards rank by.
CREATE TABLE panelist_users (
  space text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  record jsonb NOT NULL,
  points double precision NOT NULL,
  correct double precision NOT NULL,
  updated_at double precision NOT NULL,
  week_id text COLLATE "C" NOT NULL,
  week_points double precision NOT NULL,
  week_correct double precision NOT NULL,
  PRIMARY KEY (space, user_id)
);
-- Top-N of a space (all time, and one week) is a walk down one of these, never a scan of the table.
CREATE INDEX panelist_users_all_time ON panelist_users (space, points DESC, correct DESC, updated_at ASC, user_id ASC);
CREATE INDEX panelist_users_weekly ON panelist_users (space, week_id, week_points DESC, week_correct DESC, updated_at ASC, user_id ASC);

-- Running quizzes by their `space|conversation|user` key.
CREATE TABLE panelist_sessions (
  key text COLLATE "C" PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at double precision NOT NULL
);
CREATE INDEX panelist_sessions_updated ON panelist_sessions (updated_at);

-- Question flags: `seq` keeps arrival order among equal times; `flag_key` is what makes two flags the same.
CREATE TABLE panelist_flags (
  seq bigserial PRIMARY KEY,
  flag_key text COLLATE "C" NOT NULL UNIQUE,
  at double precision NOT NULL,
  value jsonb NOT NULL
);
CREATE INDEX panelist_flags_order ON panelist_flags (at, seq);

-- Interviews and scorecards, filed under their author (platform, user id), then their own id.
CREATE TABLE panelist_interviews (
  platform text COLLATE "C" NOT NULL,
  author text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  updated_at double precision NOT NULL,
  value jsonb NOT NULL,
  PRIMARY KEY (platform, author, id)
);
CREATE INDEX panelist_interviews_recent ON panelist_interviews (platform, author, updated_at DESC, id ASC);
CREATE INDEX panelist_interviews_age ON panelist_interviews (updated_at);

CREATE TABLE panelist_scorecards (
  platform text COLLATE "C" NOT NULL,
  author text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  finished double precision NOT NULL,
  value jsonb NOT NULL,
  PRIMARY KEY (platform, author, id)
);
CREATE INDEX panelist_scorecards_recent ON panelist_scorecards (platform, author, finished DESC, id ASC);
CREATE INDEX panelist_scorecards_age ON panelist_scorecards (finished);

-- Versioned records (RecordStore): compare-and-set on `version`, "what is due" by (kind, due).
-- `due` is epoch ms as the port allows it (any finite number), hence double precision.
CREATE TABLE records (
  kind text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  version bigint NOT NULL,
  value jsonb NOT NULL,
  due double precision,
  PRIMARY KEY (kind, key)
);
CREATE INDEX records_due ON records (kind, due);
