CREATE TYPE "newspaper_kind" AS ENUM('daily', 'evening', 'weekly');--> statement-breakpoint
CREATE TABLE "epaper_articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "epaper_articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"page_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kicker" text,
	"title" text NOT NULL,
	"subtitles" text[] DEFAULT '{}'::text[] NOT NULL,
	"author" text,
	"body" text[] DEFAULT '{}'::text[] NOT NULL,
	"hotspot" jsonb NOT NULL,
	"web_article_id" integer
);
--> statement-breakpoint
CREATE TABLE "epaper_issues" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "epaper_issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"newspaper_id" integer NOT NULL,
	"date" date NOT NULL,
	"number" integer NOT NULL,
	"page_count" integer NOT NULL,
	"previous_issue_id" integer,
	"next_issue_id" integer,
	CONSTRAINT "epaper_issues_page_count_check" CHECK ("page_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "epaper_pages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "epaper_pages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issue_id" integer NOT NULL,
	"position" integer NOT NULL,
	"previous_position" integer GENERATED ALWAYS AS (position - 1) STORED,
	"next_position" integer GENERATED ALWAYS AS (position + 1) STORED,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"image_url" text NOT NULL,
	"image_width" integer NOT NULL,
	"image_height" integer NOT NULL,
	"pdf_url" text
);
--> statement-breakpoint
CREATE TABLE "newspapers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "newspapers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "newspaper_kind" NOT NULL,
	"publisher" text NOT NULL,
	"description" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "epaper_articles_page_position_idx" ON "epaper_articles" ("page_id","position");--> statement-breakpoint
CREATE INDEX "epaper_articles_web_article_idx" ON "epaper_articles" ("web_article_id");--> statement-breakpoint
CREATE UNIQUE INDEX "epaper_issues_newspaper_date_idx" ON "epaper_issues" ("newspaper_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "epaper_issues_newspaper_number_idx" ON "epaper_issues" ("newspaper_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "epaper_pages_issue_number_idx" ON "epaper_pages" ("issue_id","number");--> statement-breakpoint
CREATE INDEX "epaper_pages_issue_position_idx" ON "epaper_pages" ("issue_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "newspapers_slug_idx" ON "newspapers" ("slug");--> statement-breakpoint
ALTER TABLE "epaper_articles" ADD CONSTRAINT "epaper_articles_page_id_epaper_pages_id_fkey" FOREIGN KEY ("page_id") REFERENCES "epaper_pages"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "epaper_articles" ADD CONSTRAINT "epaper_articles_web_article_id_articles_id_fkey" FOREIGN KEY ("web_article_id") REFERENCES "articles"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "epaper_issues" ADD CONSTRAINT "epaper_issues_newspaper_id_newspapers_id_fkey" FOREIGN KEY ("newspaper_id") REFERENCES "newspapers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "epaper_issues" ADD CONSTRAINT "epaper_issues_previous_issue_id_epaper_issues_id_fkey" FOREIGN KEY ("previous_issue_id") REFERENCES "epaper_issues"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "epaper_issues" ADD CONSTRAINT "epaper_issues_next_issue_id_epaper_issues_id_fkey" FOREIGN KEY ("next_issue_id") REFERENCES "epaper_issues"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "epaper_pages" ADD CONSTRAINT "epaper_pages_issue_id_epaper_issues_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "epaper_issues"("id") ON DELETE CASCADE;