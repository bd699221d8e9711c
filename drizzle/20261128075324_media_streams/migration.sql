CREATE TYPE "stream_kind" AS ENUM('tv', 'radio');--> statement-breakpoint
CREATE TYPE "stream_status" AS ENUM('live', 'offline', 'maintenance');--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_id" integer NOT NULL,
	"start" timestamp(0) with time zone NOT NULL,
	"stop" timestamp(0) with time zone NOT NULL,
	"title" text NOT NULL,
	"titles" jsonb DEFAULT '[]' NOT NULL,
	"sub_title" text,
	"description" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"episode_numbers" jsonb DEFAULT '[]' NOT NULL,
	"image" text
);
--> statement-breakpoint
CREATE TABLE "stream_channels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stream_channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"kind" "stream_kind" NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"logo" text,
	"position" integer DEFAULT 0 NOT NULL,
	"renditions" jsonb DEFAULT '[]' NOT NULL,
	"status" "stream_status" DEFAULT 'live'::"stream_status" NOT NULL,
	"status_message" text,
	"catchup_days" integer DEFAULT 0 NOT NULL,
	"catchup_template" text,
	"section_id" integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_channel_start_idx" ON "programmes" ("channel_id","start");--> statement-breakpoint
CREATE INDEX "programmes_channel_stop_idx" ON "programmes" ("channel_id","stop");--> statement-breakpoint
CREATE UNIQUE INDEX "stream_channels_code_idx" ON "stream_channels" ("code");--> statement-breakpoint
CREATE INDEX "stream_channels_kind_idx" ON "stream_channels" ("kind","position");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_channel_id_stream_channels_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "stream_channels"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "stream_channels" ADD CONSTRAINT "stream_channels_section_id_channels_id_fkey" FOREIGN KEY ("section_id") REFERENCES "channels"("id");