import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_registrations_status" ADD VALUE 'offered' BEFORE 'cancelled';
  ALTER TYPE "public"."enum_registrations_status" ADD VALUE 'expired';
  CREATE TABLE "email_outbox" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"job" varchar NOT NULL,
  	"data" jsonb NOT NULL,
  	"job_id" varchar NOT NULL,
  	"enqueued_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "events" ADD COLUMN "refund_deadline_hours" numeric DEFAULT 24;
  ALTER TABLE "_events_v" ADD COLUMN "version_refund_deadline_hours" numeric DEFAULT 24;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_outbox_id" integer;
  CREATE UNIQUE INDEX "email_outbox_job_id_idx" ON "email_outbox" USING btree ("job_id");
  CREATE INDEX "email_outbox_enqueued_at_idx" ON "email_outbox" USING btree ("enqueued_at");
  CREATE INDEX "email_outbox_updated_at_idx" ON "email_outbox" USING btree ("updated_at");
  CREATE INDEX "email_outbox_created_at_idx" ON "email_outbox" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_outbox_fk" FOREIGN KEY ("email_outbox_id") REFERENCES "public"."email_outbox"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_email_outbox_id_idx" ON "payload_locked_documents_rels" USING btree ("email_outbox_id");`)
  // The booking module's seat counter (services/booking/seats.ts), outside Payload's schema: it
  // counts an event's registrations that hold a seat (confirmed, pending, offered) and is changed
  // only in the transaction that moves one of them, so it always equals that count.
  await db.execute(sql`
  CREATE TABLE "event_seat_counts" (
    "event_id" integer PRIMARY KEY NOT NULL REFERENCES "public"."events"("id") ON DELETE cascade,
    "taken" integer DEFAULT 0 NOT NULL CHECK ("taken" >= 0)
  );
  INSERT INTO "event_seat_counts" ("event_id", "taken")
    SELECT "e"."id", (SELECT count(*) FROM "registrations" "r"
      WHERE "r"."event_id" = "e"."id" AND "r"."status" IN ('confirmed', 'pending'))
    FROM "events" "e";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "event_seat_counts";`)
  await db.execute(sql`
   ALTER TABLE "email_outbox" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "email_outbox" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_outbox_fk";
  
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'pending'::text;
  DROP TYPE "public"."enum_registrations_status";
  CREATE TYPE "public"."enum_registrations_status" AS ENUM('pending', 'confirmed', 'waitlisted', 'cancelled');
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."enum_registrations_status";
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE "public"."enum_registrations_status" USING "status"::"public"."enum_registrations_status";
  DROP INDEX "payload_locked_documents_rels_email_outbox_id_idx";
  ALTER TABLE "events" DROP COLUMN "refund_deadline_hours";
  ALTER TABLE "_events_v" DROP COLUMN "version_refund_deadline_hours";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_outbox_id";`)
}
