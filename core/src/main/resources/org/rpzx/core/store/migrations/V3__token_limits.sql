-- rpzx store, schema version 3: deSEC-style limits on API tokens.
-- max_age / max_unused_period in seconds (NULL: no limit); allowed_subnets space-separated
-- canonical CIDRs (NULL: any source).
ALTER TABLE api_tokens ADD COLUMN max_age INTEGER;
ALTER TABLE api_tokens ADD COLUMN max_unused_period INTEGER;
ALTER TABLE api_tokens ADD COLUMN allowed_subnets TEXT;
