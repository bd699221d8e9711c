-- The search statement chooses how to find a query's newest matches from the lexeme frequencies
-- ANALYZE keeps for this column (pg_stats.most_common_elems). At the default target (100) only
-- lexemes on more than ~6% of articles are listed; 1000 lists those on more than ~0.5%.
ALTER TABLE "article_search" ALTER COLUMN "document" SET STATISTICS 1000;
