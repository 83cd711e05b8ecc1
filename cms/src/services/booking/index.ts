// The booking module: registrations and payments, their one transition table, seats, waitlist,
// refunds and Stripe's webhooks. Endpoints and jobs import from here.
export { cancelRegistration, quoteCancellation } from './cancel'
export { startCheckout, CHECKOUT_HOLD_MINUTES } from './checkout'
export { BookingError, bookingError } from './errors'
export { refundCancelledEvent } from './eventRefunds'
export { expireLapsedHolds } from './expireHolds'
export { refundPayment } from './payments'
export { refundAsOrganizer } from './organizerRefund'
export { registerForEvent } from './register'
export { availability, type Availability } from './seats'
export { handleStripeEvent, verifyWebhook } from './stripe'
export { offerFreeSeats, reclaimLapsedHolds, WAITLIST_OFFER_HOURS } from './waitlist'
