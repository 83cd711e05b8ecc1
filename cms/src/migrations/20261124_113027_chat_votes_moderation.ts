import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_chat_moderation_actions_action" AS ENUM('hide', 'unhide', 'mute', 'unmute', 'ban', 'unban', 'slow_mode', 'clear', 'pin', 'answer', 'report');
  CREATE TABLE "chat_votes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"message_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "chat_moderation_actions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"action" "enum_chat_moderation_actions_action" NOT NULL,
  	"actor_id" integer NOT NULL,
  	"target_user_id" integer,
  	"target_message_id" integer,
  	"until" timestamp(3) with time zone,
  	"slow_mode_seconds" numeric,
  	"reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "chat_messages" ADD COLUMN "author_name" varchar;
  ALTER TABLE "chat_messages" ADD COLUMN "client_id" varchar;
  ALTER TABLE "chat_messages" ADD COLUMN "pinned" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "chat_votes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "chat_moderation_actions_id" integer;
  ALTER TABLE "chat_votes" ADD CONSTRAINT "chat_votes_message_id_chat_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."chat_messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_votes" ADD CONSTRAINT "chat_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_moderation_actions" ADD CONSTRAINT "chat_moderation_actions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_moderation_actions" ADD CONSTRAINT "chat_moderation_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_moderation_actions" ADD CONSTRAINT "chat_moderation_actions_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_moderation_actions" ADD CONSTRAINT "chat_moderation_actions_target_message_id_chat_messages_id_fk" FOREIGN KEY ("target_message_id") REFERENCES "public"."chat_messages"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "chat_votes_message_idx" ON "chat_votes" USING btree ("message_id");
  CREATE INDEX "chat_votes_user_idx" ON "chat_votes" USING btree ("user_id");
  CREATE INDEX "chat_votes_updated_at_idx" ON "chat_votes" USING btree ("updated_at");
  CREATE INDEX "chat_votes_created_at_idx" ON "chat_votes" USING btree ("created_at");
  CREATE UNIQUE INDEX "message_user_idx" ON "chat_votes" USING btree ("message_id","user_id");
  CREATE INDEX "chat_moderation_actions_event_idx" ON "chat_moderation_actions" USING btree ("event_id");
  CREATE INDEX "chat_moderation_actions_actor_idx" ON "chat_moderation_actions" USING btree ("actor_id");
  CREATE INDEX "chat_moderation_actions_target_user_idx" ON "chat_moderation_actions" USING btree ("target_user_id");
  CREATE INDEX "chat_moderation_actions_target_message_idx" ON "chat_moderation_actions" USING btree ("target_message_id");
  CREATE INDEX "chat_moderation_actions_updated_at_idx" ON "chat_moderation_actions" USING btree ("updated_at");
  CREATE INDEX "chat_moderation_actions_created_at_idx" ON "chat_moderation_actions" USING btree ("created_at");
  CREATE INDEX "event_action_createdAt_idx" ON "chat_moderation_actions" USING btree ("event_id","action","created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_chat_votes_fk" FOREIGN KEY ("chat_votes_id") REFERENCES "public"."chat_votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_chat_moderation_actions_fk" FOREIGN KEY ("chat_moderation_actions_id") REFERENCES "public"."chat_moderation_actions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "user_clientId_idx" ON "chat_messages" USING btree ("user_id","client_id");
  CREATE INDEX "payload_locked_documents_rels_chat_votes_id_idx" ON "payload_locked_documents_rels" USING btree ("chat_votes_id");
  CREATE INDEX "payload_locked_documents_rels_chat_moderation_actions_id_idx" ON "payload_locked_documents_rels" USING btree ("chat_moderation_actions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "chat_votes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "chat_moderation_actions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "chat_votes" CASCADE;
  DROP TABLE "chat_moderation_actions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_chat_votes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_chat_moderation_actions_fk";
  
  DROP INDEX "user_clientId_idx";
  DROP INDEX "payload_locked_documents_rels_chat_votes_id_idx";
  DROP INDEX "payload_locked_documents_rels_chat_moderation_actions_id_idx";
  ALTER TABLE "chat_messages" DROP COLUMN "author_name";
  ALTER TABLE "chat_messages" DROP COLUMN "client_id";
  ALTER TABLE "chat_messages" DROP COLUMN "pinned";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "chat_votes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "chat_moderation_actions_id";
  DROP TYPE "public"."enum_chat_moderation_actions_action";`)
}
