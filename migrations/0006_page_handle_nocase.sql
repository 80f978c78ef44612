-- tracker schema, version 6: platforms treat @CloudWatt and @cloudwatt as one account, so an
-- ingest finds the page a handle names whatever its case, through this index (it is not UNIQUE:
-- a database that already holds both spellings keeps them, and each keeps its history).
CREATE INDEX page_by_handle_nocase ON page (platform, handle COLLATE NOCASE);
