import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "events" ADD COLUMN "end_time" timestamp(3) with time zone;
  ALTER TABLE "events" ADD COLUMN "has_recording" boolean DEFAULT false;
  ALTER TABLE "_events_v" ADD COLUMN "version_end_time" timestamp(3) with time zone;
  ALTER TABLE "_events_v" ADD COLUMN "version_has_recording" boolean DEFAULT false;
  CREATE INDEX "events_end_time_idx" ON "events" USING btree ("end_time");
  CREATE INDEX "events_has_recording_idx" ON "events" USING btree ("has_recording");
  CREATE INDEX "_events_v_version_version_end_time_idx" ON "_events_v" USING btree ("version_end_time");
  CREATE INDEX "_events_v_version_version_has_recording_idx" ON "_events_v" USING btree ("version_has_recording");`)
  // Existing events get the values the beforeChange hook gives new ones.
  await db.execute(sql`
   UPDATE "events" SET
    "end_time" = "start_time" + "duration" * interval '1 minute',
    "has_recording" = coalesce(btrim("recording_url"), '') <> '';
  UPDATE "_events_v" SET
    "version_end_time" = "version_start_time" + "version_duration" * interval '1 minute',
    "version_has_recording" = coalesce(btrim("version_recording_url"), '') <> '';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "events_end_time_idx";
  DROP INDEX "events_has_recording_idx";
  DROP INDEX "_events_v_version_version_end_time_idx";
  DROP INDEX "_events_v_version_version_has_recording_idx";
  ALTER TABLE "events" DROP COLUMN "end_time";
  ALTER TABLE "events" DROP COLUMN "has_recording";
  ALTER TABLE "_events_v" DROP COLUMN "version_end_time";
  ALTER TABLE "_events_v" DROP COLUMN "version_has_recording";`)
}
