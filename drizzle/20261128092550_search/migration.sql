CREATE TABLE "article_search" (
	"article_id" integer PRIMARY KEY,
	"channel_id" integer NOT NULL,
	"published_at" timestamp(0) with time zone NOT NULL,
	"title" text NOT NULL,
	"body_text" text NOT NULL,
	"document" tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX "article_search_document_idx" ON "article_search" USING gin ("document");--> statement-breakpoint
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;