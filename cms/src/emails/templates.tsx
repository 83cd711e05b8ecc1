import type { ReactElement } from 'react'

import { EmailLayout, FooterLink, P } from './layout'

/** What every event email shows: the title, its start in the event's time zone, and where to go. */
export type EventSummary = { title: string; when: string; url: string }

export type EmailContent = { subject: string; element: ReactElement }

export function registrationConfirmedEmail(p: {
  name: string
  event: EventSummary
  /** A ticket bought for someone without it on their account: the link that claims it. */
  claimUrl?: string
  ticketTypeName?: string | null
}): EmailContent {
  return {
    subject: `You're registered: ${p.event.title}`,
    element: (
      <EmailLayout
        preview={`See you at ${p.event.title} on ${p.event.when}`}
        heading="You're registered"
        action={
          p.claimUrl
            ? { label: 'Claim your ticket', href: p.claimUrl }
            : { label: 'Watch the event', href: p.event.url }
        }
      >
        <P>Hi {p.name},</P>
        <P>
          Your seat for <strong>{p.event.title}</strong>
          {p.ticketTypeName ? ` (${p.ticketTypeName})` : ''} is confirmed. It starts {p.event.when}.
        </P>
        {p.claimUrl ? (
          <P>
            Someone bought this ticket for you. To watch, claim it with an account under this email
            address (sign up or log in): {p.claimUrl}
          </P>
        ) : null}
        <P>The attached calendar file adds it to your calendar. Watch it here: {p.event.url}</P>
      </EmailLayout>
    ),
  }
}

export function waitlistJoinedEmail(p: { name: string; event: EventSummary }): EmailContent {
  return {
    subject: `You're on the waitlist: ${p.event.title}`,
    element: (
      <EmailLayout preview="We'll email you if a seat frees up" heading="You're on the waitlist">
        <P>Hi {p.name},</P>
        <P>
          <strong>{p.event.title}</strong> ({p.event.when}) is full. You are on the waitlist, and we
          will email you as soon as a seat frees up.
        </P>
      </EmailLayout>
    ),
  }
}

export function waitlistPromotedEmail(p: {
  name: string
  event: EventSummary
  holdUntil: string | null
  checkoutUrl: string
}): EmailContent {
  return {
    subject: `A seat is yours: ${p.event.title}`,
    element: (
      <EmailLayout
        preview="A seat freed up for you"
        heading="A seat freed up for you"
        action={
          p.holdUntil
            ? { label: 'Complete your registration', href: p.checkoutUrl }
            : { label: 'Watch the event', href: p.event.url }
        }
      >
        <P>Hi {p.name},</P>
        {p.holdUntil ? (
          <P>
            A seat for <strong>{p.event.title}</strong> ({p.event.when}) is held for you until{' '}
            {p.holdUntil}. Pay before then to keep it; after that it passes to the next person.
          </P>
        ) : (
          <P>
            A seat for <strong>{p.event.title}</strong> ({p.event.when}) freed up and your
            registration is now confirmed.
          </P>
        )}
      </EmailLayout>
    ),
  }
}

export function registrationCancelledEmail(p: {
  name: string
  event: EventSummary
  refund: string | null
}): EmailContent {
  return {
    subject: `Registration cancelled: ${p.event.title}`,
    element: (
      <EmailLayout preview="Your registration is cancelled" heading="Registration cancelled">
        <P>Hi {p.name},</P>
        <P>
          Your registration for <strong>{p.event.title}</strong> ({p.event.when}) is cancelled.
        </P>
        {p.refund ? (
          <P>A refund of {p.refund} is on its way to your original payment method.</P>
        ) : null}
      </EmailLayout>
    ),
  }
}

export function paymentReceiptEmail(p: {
  name: string
  event: EventSummary
  amount: string
  paidAt: string
  reference: string
}): EmailContent {
  return {
    subject: `Receipt: ${p.event.title}`,
    element: (
      <EmailLayout preview={`We received ${p.amount}`} heading="Payment receipt">
        <P>Hi {p.name},</P>
        <P>
          We received your payment of <strong>{p.amount}</strong> on {p.paidAt} for{' '}
          <strong>{p.event.title}</strong> ({p.event.when}).
        </P>
        <P>Reference: {p.reference}</P>
      </EmailLayout>
    ),
  }
}

export function paymentRefundedEmail(p: {
  name: string
  event: EventSummary
  amount: string
  reference: string
}): EmailContent {
  return {
    subject: `Refund issued: ${p.event.title}`,
    element: (
      <EmailLayout preview={`We refunded ${p.amount}`} heading="Refund issued">
        <P>Hi {p.name},</P>
        <P>
          We refunded <strong>{p.amount}</strong> for <strong>{p.event.title}</strong>. Depending on
          your bank it appears within 5–10 days.
        </P>
        <P>Reference: {p.reference}</P>
      </EmailLayout>
    ),
  }
}

export function eventReminderEmail(p: {
  name: string
  event: EventSummary
  window: '24h' | '1h'
}): EmailContent {
  const soon = p.window === '1h' ? 'in one hour' : 'tomorrow'
  return {
    subject: `Starting ${soon}: ${p.event.title}`,
    element: (
      <EmailLayout
        preview={`${p.event.title} starts ${soon}`}
        heading={`Starting ${soon}`}
        action={{ label: 'Watch the event', href: p.event.url }}
      >
        <P>Hi {p.name},</P>
        <P>
          <strong>{p.event.title}</strong> starts {p.event.when}.
        </P>
      </EmailLayout>
    ),
  }
}

export function sessionReminderEmail(p: {
  name: string
  session: string
  event: EventSummary
  when: string
  url: string
}): EmailContent {
  return {
    subject: `Starting in 10 minutes: ${p.session}`,
    element: (
      <EmailLayout
        preview={`${p.session} starts in 10 minutes`}
        heading="Starting in 10 minutes"
        action={{ label: 'Watch the session', href: p.url }}
      >
        <P>Hi {p.name},</P>
        <P>
          <strong>{p.session}</strong>, which you starred in {p.event.title}, starts {p.when}.
        </P>
      </EmailLayout>
    ),
  }
}

export function eventCancelledEmail(p: { name: string; event: EventSummary }): EmailContent {
  return {
    subject: `Event cancelled: ${p.event.title}`,
    element: (
      <EmailLayout preview="The organizer cancelled this event" heading="Event cancelled">
        <P>Hi {p.name},</P>
        <P>
          The organizer cancelled <strong>{p.event.title}</strong>, planned for {p.event.when}. If
          you paid, your refund follows in a separate email.
        </P>
      </EmailLayout>
    ),
  }
}

export function eventApprovedEmail(p: { name: string; event: EventSummary }): EmailContent {
  return {
    subject: `Approved and published: ${p.event.title}`,
    element: (
      <EmailLayout
        preview="Your event is live"
        heading="Your event is published"
        action={{ label: 'See it on the site', href: p.event.url }}
      >
        <P>Hi {p.name},</P>
        <P>
          An admin approved <strong>{p.event.title}</strong> ({p.event.when}). It is now public and
          open for registration.
        </P>
      </EmailLayout>
    ),
  }
}

export function eventRejectedEmail(p: {
  name: string
  event: EventSummary
  reason: string
  editUrl: string
}): EmailContent {
  return {
    subject: `Changes needed: ${p.event.title}`,
    element: (
      <EmailLayout
        preview="Your event was not approved"
        heading="Your event was not approved"
        action={{ label: 'Edit the event', href: p.editUrl }}
      >
        <P>Hi {p.name},</P>
        <P>
          An admin did not approve <strong>{p.event.title}</strong>. The reason given:
        </P>
        <P>“{p.reason}”</P>
        <P>Edit the event and submit it for review again when it is ready.</P>
      </EmailLayout>
    ),
  }
}

export function eventAwaitingReviewEmail(p: {
  name: string
  event: EventSummary
  organizer: string
  reviewUrl: string
}): EmailContent {
  return {
    subject: `Awaiting review: ${p.event.title}`,
    element: (
      <EmailLayout
        preview={`${p.organizer} submitted an event`}
        heading="An event awaits review"
        action={{ label: 'Review it', href: p.reviewUrl }}
      >
        <P>Hi {p.name},</P>
        <P>
          {p.organizer} submitted <strong>{p.event.title}</strong> ({p.event.when}) for review.
        </P>
      </EmailLayout>
    ),
  }
}

export function campaignEmail(p: {
  name: string
  event: EventSummary
  subject: string
  body: string
  unsubscribeUrl: string
}): EmailContent {
  return {
    subject: p.subject,
    element: (
      <EmailLayout
        preview={p.body.slice(0, 90)}
        heading={p.subject}
        footer={
          <FooterLink href={p.unsubscribeUrl}>
            Unsubscribe from organizers&apos; messages
          </FooterLink>
        }
      >
        <P>Hi {p.name},</P>
        {p.body.split(/\n{2,}/).map((paragraph, index) => (
          <P key={index}>{paragraph}</P>
        ))}
        <P>
          — about {p.event.title} ({p.event.when}): {p.event.url}
        </P>
      </EmailLayout>
    ),
  }
}

export function passwordResetEmail(p: { name: string; resetUrl: string }): EmailContent {
  return {
    subject: 'Reset your Event Portal password',
    element: (
      <EmailLayout
        preview="A link to choose a new password"
        heading="Choose a new password"
        action={{ label: 'Choose a new password', href: p.resetUrl }}
      >
        <P>Hi {p.name},</P>
        <P>
          Someone asked to reset the password of your account. The link works for one hour. If it
          was not you, ignore this email: your password stays as it is.
        </P>
      </EmailLayout>
    ),
  }
}
