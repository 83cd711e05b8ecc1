import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "attendance" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"first_seen_at" timestamp(3) with time zone NOT NULL,
  	"last_seen_at" timestamp(3) with time zone NOT NULL,
  	"watch_seconds" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "events" ADD COLUMN "recording_url" varchar;
  ALTER TABLE "events" ADD COLUMN "captions_id" integer;
  ALTER TABLE "_events_v" ADD COLUMN "version_recording_url" varchar;
  ALTER TABLE "_events_v" ADD COLUMN "version_captions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "attendance_id" integer;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "attendance_event_idx" ON "attendance" USING btree ("event_id");
  CREATE INDEX "attendance_user_idx" ON "attendance" USING btree ("user_id");
  CREATE INDEX "attendance_updated_at_idx" ON "attendance" USING btree ("updated_at");
  CREATE INDEX "attendance_created_at_idx" ON "attendance" USING btree ("created_at");
  CREATE UNIQUE INDEX "event_user_idx" ON "attendance" USING btree ("event_id","user_id");
  ALTER TABLE "events" ADD CONSTRAINT "events_captions_id_media_id_fk" FOREIGN KEY ("captions_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_captions_id_media_id_fk" FOREIGN KEY ("version_captions_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_attendance_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."attendance"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "events_captions_idx" ON "events" USING btree ("captions_id");
  CREATE INDEX "_events_v_version_version_captions_idx" ON "_events_v" USING btree ("version_captions_id");
  CREATE INDEX "payload_locked_documents_rels_attendance_id_idx" ON "payload_locked_documents_rels" USING btree ("attendance_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "attendance" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "attendance" CASCADE;
  ALTER TABLE "events" DROP CONSTRAINT "events_captions_id_media_id_fk";
  
  ALTER TABLE "_events_v" DROP CONSTRAINT "_events_v_version_captions_id_media_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_attendance_fk";
  
  DROP INDEX "events_captions_idx";
  DROP INDEX "_events_v_version_version_captions_idx";
  DROP INDEX "payload_locked_documents_rels_attendance_id_idx";
  ALTER TABLE "events" DROP COLUMN "recording_url";
  ALTER TABLE "events" DROP COLUMN "captions_id";
  ALTER TABLE "_events_v" DROP COLUMN "version_recording_url";
  ALTER TABLE "_events_v" DROP COLUMN "version_captions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "attendance_id";`)
}
