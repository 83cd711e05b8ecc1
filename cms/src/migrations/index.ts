import * as migration_20261124_110542_initial from './20261124_110542_initial'
import * as migration_20261124_112538_registration_holds_and_payments from './20261124_112538_registration_holds_and_payments'
import * as migration_20261124_113027_chat_votes_moderation from './20261124_113027_chat_votes_moderation'
import * as migration_20261124_113439_email_jobs_campaigns from './20261124_113439_email_jobs_campaigns'
import * as migration_20261124_152611_streaming_attendance from './20261124_152611_streaming_attendance'
import * as migration_20261124_154259_user_disabled from './20261124_154259_user_disabled'
import * as migration_20261202_104256_event_end_time_and_recording_flag from './20261202_104256_event_end_time_and_recording_flag'
import * as migration_20261202_104345_remove_login_lockout from './20261202_104345_remove_login_lockout'
import * as migration_20261202_104557_navigation_global from './20261202_104557_navigation_global'
import * as migration_20261202_110123_booking_statuses_refund_deadline_outbox from './20261202_110123_booking_statuses_refund_deadline_outbox'
import * as migration_20261202_141722_ticket_types_promo_codes_questions from './20261202_141722_ticket_types_promo_codes_questions'
import * as migration_20261202_144018_program_sessions_speakers from './20261202_144018_program_sessions_speakers'

export const migrations = [
  {
    up: migration_20261124_110542_initial.up,
    down: migration_20261124_110542_initial.down,
    name: '20261124_110542_initial',
  },
  {
    up: migration_20261124_112538_registration_holds_and_payments.up,
    down: migration_20261124_112538_registration_holds_and_payments.down,
    name: '20261124_112538_registration_holds_and_payments',
  },
  {
    up: migration_20261124_113027_chat_votes_moderation.up,
    down: migration_20261124_113027_chat_votes_moderation.down,
    name: '20261124_113027_chat_votes_moderation',
  },
  {
    up: migration_20261124_113439_email_jobs_campaigns.up,
    down: migration_20261124_113439_email_jobs_campaigns.down,
    name: '20261124_113439_email_jobs_campaigns',
  },
  {
    up: migration_20261124_152611_streaming_attendance.up,
    down: migration_20261124_152611_streaming_attendance.down,
    name: '20261124_152611_streaming_attendance',
  },
  {
    up: migration_20261124_154259_user_disabled.up,
    down: migration_20261124_154259_user_disabled.down,
    name: '20261124_154259_user_disabled',
  },
  {
    up: migration_20261202_104256_event_end_time_and_recording_flag.up,
    down: migration_20261202_104256_event_end_time_and_recording_flag.down,
    name: '20261202_104256_event_end_time_and_recording_flag',
  },
  {
    up: migration_20261202_104345_remove_login_lockout.up,
    down: migration_20261202_104345_remove_login_lockout.down,
    name: '20261202_104345_remove_login_lockout',
  },
  {
    up: migration_20261202_104557_navigation_global.up,
    down: migration_20261202_104557_navigation_global.down,
    name: '20261202_104557_navigation_global',
  },
  {
    up: migration_20261202_110123_booking_statuses_refund_deadline_outbox.up,
    down: migration_20261202_110123_booking_statuses_refund_deadline_outbox.down,
    name: '20261202_110123_booking_statuses_refund_deadline_outbox',
  },
  {
    up: migration_20261202_141722_ticket_types_promo_codes_questions.up,
    down: migration_20261202_141722_ticket_types_promo_codes_questions.down,
    name: '20261202_141722_ticket_types_promo_codes_questions',
  },
  {
    up: migration_20261202_144018_program_sessions_speakers.up,
    down: migration_20261202_144018_program_sessions_speakers.down,
    name: '20261202_144018_program_sessions_speakers',
  },
]
