CREATE TYPE "related_reason" AS ENUM('shared_tags', 'editor_pick');--> statement-breakpoint
CREATE TABLE "article_related" (
	"article_id" integer,
	"related_id" integer,
	"position" integer NOT NULL,
	"reason" "related_reason" NOT NULL,
	CONSTRAINT "article_related_pkey" PRIMARY KEY("article_id","related_id")
);
--> statement-breakpoint
CREATE INDEX "article_related_related_idx" ON "article_related" ("related_id");--> statement-breakpoint
ALTER TABLE "article_related" ADD CONSTRAINT "article_related_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "article_related" ADD CONSTRAINT "article_related_related_id_articles_id_fkey" FOREIGN KEY ("related_id") REFERENCES "articles"("id") ON DELETE CASCADE;