DROP INDEX "articles_published_idx";--> statement-breakpoint
CREATE INDEX "articles_published_idx" ON "articles" ("status","published_at" DESC,"id" DESC);--> statement-breakpoint
DROP INDEX "articles_channel_published_idx";--> statement-breakpoint
CREATE INDEX "articles_channel_published_idx" ON "articles" ("channel_id","status","published_at" DESC,"id" DESC);