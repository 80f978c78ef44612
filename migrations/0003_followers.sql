-- tracker schema, version 3: follower rosters and the profiles of the accounts in them.

-- An account on a platform (a follower, or an account a page follows), identified by the
-- platform's id, or by "@handle" when the source gives no id.
CREATE TABLE account (
    id       INTEGER PRIMARY KEY,
    platform TEXT NOT NULL CHECK (platform <> '' AND platform = lower(platform)),
    key      TEXT NOT NULL CHECK (key <> ''),
    UNIQUE (platform, key)
) STRICT;

-- What an account's profile showed from seen_at on; a new version only when a field changes.
-- NULL = the source did not give the field.
CREATE TABLE profile_version (
    account_id     INTEGER NOT NULL REFERENCES account (id),
    seen_at        INTEGER NOT NULL,              -- the roster time it was first seen like this
    digest         INTEGER NOT NULL,              -- hash of the fields below, to spot changes cheaply
    handle         TEXT,
    name           TEXT,
    description    TEXT,
    location       TEXT,
    url            TEXT,
    lang           TEXT,
    created_at     INTEGER,                       -- account creation, Unix seconds
    posts          INTEGER CHECK (posts >= 0),
    followers      INTEGER CHECK (followers >= 0),
    following      INTEGER CHECK (following >= 0),
    listed         INTEGER CHECK (listed >= 0),
    favourites     INTEGER CHECK (favourites >= 0),
    last_post_at   INTEGER,
    default_image  INTEGER CHECK (default_image IN (0, 1)),
    verified       INTEGER CHECK (verified IN (0, 1)),
    protected      INTEGER CHECK (protected IN (0, 1)),
    run_id         INTEGER NOT NULL REFERENCES ingest_run (id),
    PRIMARY KEY (account_id, seen_at)
) STRICT, WITHOUT ROWID;

-- Who followed a page (relation 'followers'), or whom it followed ('following'), at a time.
CREATE TABLE roster (
    id        INTEGER PRIMARY KEY,
    page_id   INTEGER NOT NULL REFERENCES page (id),
    relation  TEXT NOT NULL CHECK (relation IN ('followers', 'following')),
    taken_at  INTEGER NOT NULL,
    members   INTEGER NOT NULL CHECK (members >= 0),
    run_id    INTEGER NOT NULL REFERENCES ingest_run (id),
    UNIQUE (page_id, relation, taken_at)
) STRICT;

-- The accounts of one roster. position is the order of the input: the APIs list the
-- newest followers first, which batch-arrival detection relies on.
CREATE TABLE roster_member (
    roster_id  INTEGER NOT NULL REFERENCES roster (id),
    account_id INTEGER NOT NULL REFERENCES account (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (roster_id, account_id)
) STRICT, WITHOUT ROWID;

-- MARK: Stable views for ad-hoc SQL.

-- One row per roster.
CREATE VIEW rosters AS
SELECT r.id AS roster_id, p.platform, p.handle AS page, r.relation,
       strftime('%Y-%m-%dT%H:%M:%SZ', r.taken_at, 'unixepoch') AS taken_at, r.members, r.run_id
FROM roster r JOIN page p ON p.id = r.page_id;

-- One row per account of each roster, with the profile it showed at that time.
CREATE VIEW roster_profiles AS
SELECT r.id AS roster_id, p.platform, p.handle AS page, r.relation,
       strftime('%Y-%m-%dT%H:%M:%SZ', r.taken_at, 'unixepoch') AS taken_at,
       m.position, a.key AS account,
       v.handle, v.name, v.description, v.location, v.url, v.lang,
       strftime('%Y-%m-%dT%H:%M:%SZ', v.created_at, 'unixepoch') AS created_at,
       v.posts, v.followers, v.following, v.listed, v.favourites,
       strftime('%Y-%m-%dT%H:%M:%SZ', v.last_post_at, 'unixepoch') AS last_post_at,
       v.default_image, v.verified, v.protected
FROM roster r
JOIN page p ON p.id = r.page_id
JOIN roster_member m ON m.roster_id = r.id
JOIN account a ON a.id = m.account_id
JOIN profile_version v ON v.account_id = m.account_id
 AND v.seen_at = (SELECT max(seen_at) FROM profile_version WHERE account_id = m.account_id AND seen_at <= r.taken_at);
