// The contract the site and realtime import as `@event-portal/cms/contract`.
export * from './booking.ts'
export * from './chat.ts'
