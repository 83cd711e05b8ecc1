export const EVENT_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'rejected',
  'cancelled',
] as const

export type EventStatus = (typeof EVENT_STATUSES)[number]

/** Who moves an event: its own organizer, or an admin. */
export type WorkflowActor = 'organizer' | 'admin'

/** Every allowed move, and who may make it. Anything not listed is illegal. */
const TRANSITIONS: Record<EventStatus, Partial<Record<EventStatus, WorkflowActor[]>>> = {
  draft: { pending_review: ['organizer', 'admin'], cancelled: ['organizer', 'admin'] },
  pending_review: {
    draft: ['organizer', 'admin'],
    published: ['admin'],
    rejected: ['admin'],
  },
  rejected: { draft: ['organizer', 'admin'], pending_review: ['organizer', 'admin'] },
  published: { cancelled: ['organizer', 'admin'] },
  cancelled: {},
}

export type TransitionCheck =
  { allowed: true } | { allowed: false; status: 400 | 403; message: string }

export function checkTransition(
  from: EventStatus,
  to: EventStatus,
  actor: WorkflowActor,
): TransitionCheck {
  const actors = TRANSITIONS[from][to]
  if (!actors) {
    return {
      allowed: false,
      status: 400,
      message: `An event cannot move from "${from}" to "${to}".`,
    }
  }
  if (!actors.includes(actor)) {
    return {
      allowed: false,
      status: 403,
      message: `Only an admin can move an event from "${from}" to "${to}".`,
    }
  }
  return { allowed: true }
}

export const allowedNextStatuses = (from: EventStatus, actor: WorkflowActor): EventStatus[] =>
  (Object.entries(TRANSITIONS[from]) as [EventStatus, WorkflowActor[]][])
    .filter(([, actors]) => actors.includes(actor))
    .map(([status]) => status)
