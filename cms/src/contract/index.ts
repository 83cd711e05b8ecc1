// The contract the site and realtime import as `@event-portal/cms/contract`.
export * from './booking.ts'
export * from './program.ts'
export * from './tickets.ts'
export * from './chat.ts'
