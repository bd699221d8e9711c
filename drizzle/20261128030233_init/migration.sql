CREATE TYPE "article_kind" AS ENUM('story', 'gallery', 'video');--> statement-breakpoint
CREATE TYPE "article_status" AS ENUM('draft', 'published', 'retracted');--> statement-breakpoint
CREATE TYPE "byline_role" AS ENUM('reporter', 'photographer', 'correspondent', 'author', 'translator', 'videographer');--> statement-breakpoint
CREATE TYPE "channel_kind" AS ENUM('news', 'video', 'photo', 'epaper', 'tv', 'radio');--> statement-breakpoint
CREATE TYPE "licence_kind" AS ENUM('news_service', 'icp', 'public_security', 'audiovisual', 'broadcast_production');--> statement-breakpoint
CREATE TABLE "article_bylines" (
	"article_id" integer,
	"position" integer,
	"role" "byline_role" NOT NULL,
	"name" text NOT NULL,
	"organisation" text,
	CONSTRAINT "article_bylines_pkey" PRIMARY KEY("article_id","position")
);
--> statement-breakpoint
CREATE TABLE "article_tags" (
	"article_id" integer,
	"tag_id" integer,
	"position" integer NOT NULL,
	CONSTRAINT "article_tags_pkey" PRIMARY KEY("article_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_id" integer NOT NULL,
	"path" text NOT NULL,
	"kind" "article_kind" DEFAULT 'story'::"article_kind" NOT NULL,
	"status" "article_status" DEFAULT 'draft'::"article_status" NOT NULL,
	"kicker" text,
	"title" text NOT NULL,
	"subtitles" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"source" text NOT NULL,
	"body" jsonb NOT NULL,
	"cover" jsonb,
	"editor" text,
	"published_at" timestamp(0) with time zone NOT NULL,
	"updated_at" timestamp(0) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" text NOT NULL,
	"parent_id" integer,
	"slug" text NOT NULL,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"kind" "channel_kind" DEFAULT 'news'::"channel_kind" NOT NULL,
	"position" integer NOT NULL,
	"in_navigation" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_licences" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_licences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "licence_kind" NOT NULL,
	"label" text NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	"href" text
);
--> statement-breakpoint
CREATE TABLE "site_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" text NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"href" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" text PRIMARY KEY,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"home_label" text NOT NULL,
	"copyright" text NOT NULL,
	"operators" text[] NOT NULL,
	"operators_note" text NOT NULL,
	"report_phone" text NOT NULL,
	"report_email" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "article_tags_tag_idx" ON "article_tags" ("tag_id","article_id");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_path_idx" ON "articles" ("path");--> statement-breakpoint
CREATE INDEX "articles_published_idx" ON "articles" ("status","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "articles_channel_published_idx" ON "articles" ("channel_id","status","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "tags_name_idx" ON "tags" ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_path_idx" ON "channels" ("path");--> statement-breakpoint
CREATE INDEX "channels_parent_idx" ON "channels" ("parent_id","position");--> statement-breakpoint
CREATE INDEX "channels_site_idx" ON "channels" ("site_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "site_licences_site_position_idx" ON "site_licences" ("site_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "site_links_site_position_idx" ON "site_links" ("site_id","position");--> statement-breakpoint
ALTER TABLE "article_bylines" ADD CONSTRAINT "article_bylines_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_tag_id_tags_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_channel_id_channels_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id");--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_site_id_sites_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id");--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_parent_id_channels_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "channels"("id");--> statement-breakpoint
ALTER TABLE "site_licences" ADD CONSTRAINT "site_licences_site_id_sites_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id");--> statement-breakpoint
ALTER TABLE "site_links" ADD CONSTRAINT "site_links_site_id_sites_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id");