export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const

export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]
