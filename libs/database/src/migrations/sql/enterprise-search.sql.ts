// Name search for Chinese: most words are two characters, which a trigram index cannot serve.
// Names are cut into unigrams and bigrams in a generated tsvector with a GIN index; a query
// becomes the AND of its bigrams (or its single character). Credit codes get a trigram index
// for partial matches.
export const SEARCH_UP = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE OR REPLACE FUNCTION cr_name_tokens(name text, short_name text, former text[]) RETURNS tsvector
   LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
     SELECT array_to_tsvector(coalesce(array_agg(DISTINCT tok), '{}'::text[]))
     FROM (
       SELECT lower(substr(s, i, n)) AS tok
       FROM unnest(array[name, short_name] || coalesce(former, '{}'::text[])) AS s,
            generate_series(1, coalesce(length(s), 0)) AS i,
            (VALUES (1), (2)) AS v(n)
       WHERE s IS NOT NULL AND i + n - 1 <= length(s) AND substr(s, i, n) !~ '\\s'
     ) t
   $$`,
  `CREATE OR REPLACE FUNCTION cr_name_query(q text) RETURNS tsquery
   LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
     SELECT coalesce(string_agg(quote_literal(tok), ' & ')::tsquery, ''::tsquery)
     FROM (
       SELECT DISTINCT lower(substr(q, i, least(2, length(q)))) AS tok
       FROM generate_series(1, greatest(length(q) - 1, 1)) AS i
       WHERE substr(q, i, least(2, length(q))) !~ '\\s'
     ) t
   $$`,
  `ALTER TABLE enterprise ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (cr_name_tokens(name, short_name, former_names)) STORED`,
  // TypeORM reads a generated column's expression from its metadata table when diffing the schema.
  `CREATE TABLE IF NOT EXISTS typeorm_metadata ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
  `INSERT INTO typeorm_metadata ("type", "database", "schema", "table", "name", "value")
   VALUES ('GENERATED_COLUMN', current_database(), current_schema(), 'enterprise', 'search_vector', 'cr_name_tokens(name, short_name, former_names)')`,
  `CREATE INDEX idx_enterprise_search ON enterprise USING gin (search_vector)`,
  `CREATE INDEX idx_enterprise_credit_code_trgm ON enterprise USING gin (credit_code gin_trgm_ops)`,
  `CREATE INDEX idx_enterprise_industry_code ON enterprise (industry_code text_pattern_ops)`,
];

export const SEARCH_DOWN = [
  `DROP INDEX IF EXISTS idx_enterprise_industry_code`,
  `DROP INDEX IF EXISTS idx_enterprise_credit_code_trgm`,
  `DROP INDEX IF EXISTS idx_enterprise_search`,
  `ALTER TABLE enterprise DROP COLUMN IF EXISTS search_vector`,
  `DELETE FROM typeorm_metadata WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'enterprise' AND "name" = 'search_vector'`,
  `DROP FUNCTION IF EXISTS cr_name_query(text)`,
  `DROP FUNCTION IF EXISTS cr_name_tokens(text, text, text[])`,
];
