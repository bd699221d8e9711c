CREATE TYPE "comment_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "comment_word_action" AS ENUM('hold', 'reject');--> statement-breakpoint
CREATE TABLE "comment_words" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comment_words_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"word" text NOT NULL,
	"action" "comment_word_action" NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"parent_id" integer,
	"nickname" text NOT NULL,
	"body" text NOT NULL,
	"status" "comment_status" DEFAULT 'pending'::"comment_status" NOT NULL,
	"hold_reason" text,
	"address_hash" text,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"moderated_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "comment_words_word_idx" ON "comment_words" ("word");--> statement-breakpoint
CREATE UNIQUE INDEX "comments_idempotency_key_idx" ON "comments" ("idempotency_key");--> statement-breakpoint
CREATE INDEX "comments_article_public_idx" ON "comments" ("article_id","created_at" DESC,"id" DESC) WHERE status = 'approved' and parent_id is null;--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" ("parent_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_pending_idx" ON "comments" ("created_at","id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "comments_address_recent_idx" ON "comments" ("address_hash","created_at");--> statement-breakpoint
CREATE INDEX "comments_article_recent_idx" ON "comments" ("article_id","created_at");--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE;