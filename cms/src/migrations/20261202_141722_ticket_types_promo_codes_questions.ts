import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_events_questions_kind" AS ENUM('text', 'single', 'multiple', 'checkbox');
  CREATE TYPE "public"."enum_events_promo_codes_kind" AS ENUM('percent', 'amount', 'unlock');
  CREATE TYPE "public"."enum__events_v_version_questions_kind" AS ENUM('text', 'single', 'multiple', 'checkbox');
  CREATE TYPE "public"."enum__events_v_version_promo_codes_kind" AS ENUM('percent', 'amount', 'unlock');
  CREATE TABLE "events_ticket_types" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"price" numeric NOT NULL,
  	"quantity" numeric,
  	"description" varchar,
  	"sales_start" timestamp(3) with time zone,
  	"sales_end" timestamp(3) with time zone,
  	"min_per_order" numeric DEFAULT 1,
  	"max_per_order" numeric DEFAULT 10,
  	"hidden" boolean DEFAULT false
  );
  
  CREATE TABLE "events_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"kind" "enum_events_questions_kind" DEFAULT 'text' NOT NULL,
  	"required" boolean DEFAULT false
  );
  
  CREATE TABLE "events_promo_codes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"kind" "enum_events_promo_codes_kind" DEFAULT 'percent' NOT NULL,
  	"percent_off" numeric,
  	"amount_off" numeric,
  	"max_uses" numeric,
  	"valid_from" timestamp(3) with time zone,
  	"valid_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "events_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_events_v_version_ticket_types" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"price" numeric NOT NULL,
  	"quantity" numeric,
  	"description" varchar,
  	"sales_start" timestamp(3) with time zone,
  	"sales_end" timestamp(3) with time zone,
  	"min_per_order" numeric DEFAULT 1,
  	"max_per_order" numeric DEFAULT 10,
  	"hidden" boolean DEFAULT false,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v_version_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"kind" "enum__events_v_version_questions_kind" DEFAULT 'text' NOT NULL,
  	"required" boolean DEFAULT false,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v_version_promo_codes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"kind" "enum__events_v_version_promo_codes_kind" DEFAULT 'percent' NOT NULL,
  	"percent_off" numeric,
  	"amount_off" numeric,
  	"max_uses" numeric,
  	"valid_from" timestamp(3) with time zone,
  	"valid_until" timestamp(3) with time zone,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "registrations" ALTER COLUMN "user_id" DROP NOT NULL;
  ALTER TABLE "registrations" ADD COLUMN "buyer_id" integer;
  ALTER TABLE "registrations" ADD COLUMN "order_id" varchar;
  ALTER TABLE "registrations" ADD COLUMN "ticket_type" varchar;
  ALTER TABLE "registrations" ADD COLUMN "ticket_type_name" varchar;
  ALTER TABLE "registrations" ADD COLUMN "price" numeric;
  ALTER TABLE "registrations" ADD COLUMN "promo_code" varchar;
  ALTER TABLE "registrations" ADD COLUMN "attendee_name" varchar;
  ALTER TABLE "registrations" ADD COLUMN "attendee_email" varchar;
  ALTER TABLE "registrations" ADD COLUMN "answers" jsonb;
  ALTER TABLE "registrations" ADD COLUMN "claim_token" varchar;
  ALTER TABLE "payments" ADD COLUMN "promo_code" varchar;
  ALTER TABLE "payments" ADD COLUMN "discount" numeric DEFAULT 0;
  ALTER TABLE "payments" ADD COLUMN "refunded_amount" numeric DEFAULT 0;
  ALTER TABLE "events_ticket_types" ADD CONSTRAINT "events_ticket_types_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_questions" ADD CONSTRAINT "events_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_promo_codes" ADD CONSTRAINT "events_promo_codes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_texts" ADD CONSTRAINT "events_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_ticket_types" ADD CONSTRAINT "_events_v_version_ticket_types_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_questions" ADD CONSTRAINT "_events_v_version_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_promo_codes" ADD CONSTRAINT "_events_v_version_promo_codes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_texts" ADD CONSTRAINT "_events_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "events_ticket_types_order_idx" ON "events_ticket_types" USING btree ("_order");
  CREATE INDEX "events_ticket_types_parent_id_idx" ON "events_ticket_types" USING btree ("_parent_id");
  CREATE INDEX "events_questions_order_idx" ON "events_questions" USING btree ("_order");
  CREATE INDEX "events_questions_parent_id_idx" ON "events_questions" USING btree ("_parent_id");
  CREATE INDEX "events_promo_codes_order_idx" ON "events_promo_codes" USING btree ("_order");
  CREATE INDEX "events_promo_codes_parent_id_idx" ON "events_promo_codes" USING btree ("_parent_id");
  CREATE INDEX "events_texts_order_parent" ON "events_texts" USING btree ("order","parent_id");
  CREATE INDEX "_events_v_version_ticket_types_order_idx" ON "_events_v_version_ticket_types" USING btree ("_order");
  CREATE INDEX "_events_v_version_ticket_types_parent_id_idx" ON "_events_v_version_ticket_types" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_questions_order_idx" ON "_events_v_version_questions" USING btree ("_order");
  CREATE INDEX "_events_v_version_questions_parent_id_idx" ON "_events_v_version_questions" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_promo_codes_order_idx" ON "_events_v_version_promo_codes" USING btree ("_order");
  CREATE INDEX "_events_v_version_promo_codes_parent_id_idx" ON "_events_v_version_promo_codes" USING btree ("_parent_id");
  CREATE INDEX "_events_v_texts_order_parent" ON "_events_v_texts" USING btree ("order","parent_id");
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "registrations_buyer_idx" ON "registrations" USING btree ("buyer_id");
  CREATE INDEX "registrations_order_id_idx" ON "registrations" USING btree ("order_id");
  CREATE INDEX "registrations_ticket_type_idx" ON "registrations" USING btree ("ticket_type");
  CREATE INDEX "registrations_attendee_email_idx" ON "registrations" USING btree ("attendee_email");
  CREATE UNIQUE INDEX "registrations_claim_token_idx" ON "registrations" USING btree ("claim_token");
  CREATE INDEX "payments_promo_code_idx" ON "payments" USING btree ("promo_code");`)
  // Every existing event sells one "General admission" type made from its price and capacity, and
  // its seat-holding registrations are tickets of that type.
  await db.execute(sql`
  INSERT INTO "events_ticket_types"
    ("_order", "_parent_id", "id", "name", "price", "quantity", "min_per_order", "max_per_order", "hidden")
    SELECT 1, "e"."id", substr(md5(random()::text || "e"."id"::text), 1, 24), 'General admission',
      "e"."price", "e"."capacity", 1, 10, false
    FROM "events" "e";
  UPDATE "registrations" "r" SET "ticket_type" = "t"."id", "ticket_type_name" = "t"."name"
    FROM "events_ticket_types" "t" WHERE "t"."_parent_id" = "r"."event_id";`)
  // Hard limits beside the event's seat counter (services/tickets/counters.ts), outside Payload's
  // schema like it: tickets taken or held per type, and uses taken or held per promo code.
  await db.execute(sql`
  CREATE TABLE "ticket_type_counts" (
    "ticket_type_id" varchar PRIMARY KEY NOT NULL,
    "event_id" integer NOT NULL REFERENCES "public"."events"("id") ON DELETE cascade,
    "taken" integer DEFAULT 0 NOT NULL CHECK ("taken" >= 0)
  );
  CREATE INDEX "ticket_type_counts_event_idx" ON "ticket_type_counts" ("event_id");
  CREATE TABLE "promo_code_uses" (
    "promo_code_id" varchar PRIMARY KEY NOT NULL,
    "event_id" integer NOT NULL REFERENCES "public"."events"("id") ON DELETE cascade,
    "used" integer DEFAULT 0 NOT NULL CHECK ("used" >= 0)
  );
  CREATE INDEX "promo_code_uses_event_idx" ON "promo_code_uses" ("event_id");
  INSERT INTO "ticket_type_counts" ("ticket_type_id", "event_id", "taken")
    SELECT "t"."id", "t"."_parent_id", (SELECT count(*) FROM "registrations" "r"
      WHERE "r"."ticket_type" = "t"."id" AND "r"."status" IN ('confirmed', 'pending', 'offered'))
    FROM "events_ticket_types" "t";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(
    sql`DROP TABLE IF EXISTS "ticket_type_counts"; DROP TABLE IF EXISTS "promo_code_uses";`,
  )
  await db.execute(sql`
   ALTER TABLE "events_ticket_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_promo_codes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_ticket_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_promo_codes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "events_ticket_types" CASCADE;
  DROP TABLE "events_questions" CASCADE;
  DROP TABLE "events_promo_codes" CASCADE;
  DROP TABLE "events_texts" CASCADE;
  DROP TABLE "_events_v_version_ticket_types" CASCADE;
  DROP TABLE "_events_v_version_questions" CASCADE;
  DROP TABLE "_events_v_version_promo_codes" CASCADE;
  DROP TABLE "_events_v_texts" CASCADE;
  ALTER TABLE "registrations" DROP CONSTRAINT "registrations_buyer_id_users_id_fk";
  
  DROP INDEX "registrations_buyer_idx";
  DROP INDEX "registrations_order_id_idx";
  DROP INDEX "registrations_ticket_type_idx";
  DROP INDEX "registrations_attendee_email_idx";
  DROP INDEX "registrations_claim_token_idx";
  DROP INDEX "payments_promo_code_idx";
  ALTER TABLE "registrations" ALTER COLUMN "user_id" SET NOT NULL;
  ALTER TABLE "registrations" DROP COLUMN "buyer_id";
  ALTER TABLE "registrations" DROP COLUMN "order_id";
  ALTER TABLE "registrations" DROP COLUMN "ticket_type";
  ALTER TABLE "registrations" DROP COLUMN "ticket_type_name";
  ALTER TABLE "registrations" DROP COLUMN "price";
  ALTER TABLE "registrations" DROP COLUMN "promo_code";
  ALTER TABLE "registrations" DROP COLUMN "attendee_name";
  ALTER TABLE "registrations" DROP COLUMN "attendee_email";
  ALTER TABLE "registrations" DROP COLUMN "answers";
  ALTER TABLE "registrations" DROP COLUMN "claim_token";
  ALTER TABLE "payments" DROP COLUMN "promo_code";
  ALTER TABLE "payments" DROP COLUMN "discount";
  ALTER TABLE "payments" DROP COLUMN "refunded_amount";
  DROP TYPE "public"."enum_events_questions_kind";
  DROP TYPE "public"."enum_events_promo_codes_kind";
  DROP TYPE "public"."enum__events_v_version_questions_kind";
  DROP TYPE "public"."enum__events_v_version_promo_codes_kind";`)
}
