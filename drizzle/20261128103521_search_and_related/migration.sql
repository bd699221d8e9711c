CREATE TYPE "related_override_action" AS ENUM('pin', 'exclude');--> statement-breakpoint
CREATE TYPE "related_weight" AS ENUM('boost', 'bury');--> statement-breakpoint
ALTER TYPE "related_reason" ADD VALUE 'same_channel';--> statement-breakpoint
ALTER TYPE "related_reason" ADD VALUE 'similar_text';--> statement-breakpoint
CREATE TABLE "related_overrides" (
	"article_id" integer,
	"related_id" integer,
	"action" "related_override_action" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "related_overrides_pkey" PRIMARY KEY("article_id","related_id")
);
--> statement-breakpoint
CREATE TABLE "related_tag_frequencies" (
	"tag_id" integer PRIMARY KEY,
	"articles" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "related_timeline" (
	"tag_id" integer,
	"published_at" timestamp(0) with time zone,
	"article_id" integer,
	CONSTRAINT "related_timeline_pkey" PRIMARY KEY("tag_id","published_at","article_id")
);
--> statement-breakpoint
CREATE TABLE "related_weights" (
	"article_id" integer PRIMARY KEY,
	"weight" "related_weight" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article_search" (
	"article_id" integer PRIMARY KEY,
	"channel_id" integer NOT NULL,
	"published_at" timestamp(0) with time zone NOT NULL,
	"title" text NOT NULL,
	"title_key" text NOT NULL,
	"body_text" text NOT NULL,
	"document" tsvector NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_related" ADD COLUMN "score" real DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "related_overrides_related_idx" ON "related_overrides" ("related_id");--> statement-breakpoint
CREATE INDEX "related_timeline_article_idx" ON "related_timeline" ("article_id");--> statement-breakpoint
CREATE INDEX "article_search_document_idx" ON "article_search" USING gin ("document");--> statement-breakpoint
ALTER TABLE "related_overrides" ADD CONSTRAINT "related_overrides_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "related_overrides" ADD CONSTRAINT "related_overrides_related_id_articles_id_fkey" FOREIGN KEY ("related_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "related_timeline" ADD CONSTRAINT "related_timeline_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "related_weights" ADD CONSTRAINT "related_weights_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;