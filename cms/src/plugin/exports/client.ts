'use client'

// Client components of the admin, resolved by the host's import map as
// '@event-portal/cms/plugin/client#Name'.
export { AgendaImport } from '../../admin/AgendaImport'
export { DashboardIntro } from '../../admin/DashboardIntro'
export { EventToolsLinks } from '../../admin/EventToolsLinks'
export { EventWorkflow } from '../../admin/EventWorkflow'
export { NavLinks } from '../../admin/NavLinks'
export { EventZonedDateTimeField } from '../../admin/fields/EventZonedDateTimeField'
export { NamedRowLabel } from '../../admin/fields/NamedRowLabel'
export { MoneyCell } from '../../admin/fields/MoneyCell'
export { MoneyField } from '../../admin/fields/MoneyField'
export { TimeZoneSelectField } from '../../admin/fields/TimeZoneSelectField'
export { ZonedDateCell } from '../../admin/fields/ZonedDateCell'
export { ZonedDateTimeField } from '../../admin/fields/ZonedDateTimeField'
export { SpeakerClashWarning } from '../../admin/SpeakerClashWarning'
export { CampaignProgress } from '../../jobs/admin/CampaignProgress'
