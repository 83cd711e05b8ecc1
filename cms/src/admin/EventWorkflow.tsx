'use client'

import { useAuth, useDocumentInfo, useForm, useFormFields, useFormModified } from '@payloadcms/ui'
import { useState } from 'react'

import { checkRole } from '../access/checkRole'
import { allowedNextStatuses, type EventStatus } from '../collections/Events/workflow'
import type { User } from '../payload-types'

const ACTION_LABELS: Record<EventStatus, string> = {
  pending_review: 'Submit for review',
  published: 'Publish',
  rejected: 'Reject…',
  cancelled: 'Cancel event…',
  draft: 'Back to draft',
}

/** Moves that need a second step (a reason, a confirmation) before they are sent. */
type Step = 'rejecting' | 'cancelling' | null

/**
 * The event's workflow as buttons in the sidebar. It offers only the moves workflow.ts allows the
 * person; each one saves the form with the new status through the same update a REST client
 * makes, so the server's rules decide. The status itself is never edited in the form, so a
 * refused move leaves the saved status on screen.
 */
export function EventWorkflow() {
  const { user } = useAuth<User>()
  const { id, documentIsLocked, currentEditor } = useDocumentInfo()
  const { submit, disabled: isFormDisabled } = useForm()
  const isModified = useFormModified()
  const status = (useFormFields(([fields]) => fields.status?.value) ?? 'draft') as EventStatus
  const [step, setStep] = useState<Step>(null)
  const [reason, setReason] = useState('')

  if (!user || !checkRole(['organizer', 'admin'], user)) return null
  const actor = checkRole(['admin'], user) ? 'admin' : 'organizer'
  // A new event can be saved as a draft or submitted at once; cancelling needs an event.
  const moves = allowedNextStatuses(status, actor).filter((to) => id || to !== 'cancelled')
  const editorId = typeof currentEditor === 'object' ? currentEditor?.id : currentEditor
  const isLockedByOther = Boolean(documentIsLocked && editorId != null && editorId !== user.id)
  // A step saves the whole form: while someone else edits the event it would overwrite their work,
  // and with unsaved edits it would publish (or reject) changes nobody reviewed. A new event is
  // the exception: "Submit for review" is its first save.
  const blockedReason =
    isLockedByOther || isFormDisabled
      ? 'Someone else is editing this event; its workflow waits until they are done.'
      : id && isModified
        ? 'Save or discard your changes first; then choose the next step.'
        : null

  const move = async (to: EventStatus, extra: Record<string, unknown> = {}) => {
    await submit({ overrides: { status: to, ...extra } })
    setStep(null)
    setReason('')
  }

  return (
    <section aria-label="Workflow" style={{ marginBottom: '1.5rem' }}>
      {moves.length === 0 && <p>No further step: this event is {status.replace('_', ' ')}.</p>}
      {blockedReason && moves.length > 0 && (
        <p id="workflow-blocked" style={{ marginTop: 0 }}>
          {blockedReason}
        </p>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
        {moves.map((to) => (
          <button
            key={to}
            type="button"
            disabled={blockedReason !== null}
            aria-describedby={blockedReason ? 'workflow-blocked' : undefined}
            className={`btn btn--size-small ${to === 'published' || to === 'pending_review' ? 'btn--style-primary' : 'btn--style-secondary'}`}
            style={{ margin: 0 }}
            aria-expanded={
              to === 'rejected'
                ? step === 'rejecting'
                : to === 'cancelled'
                  ? step === 'cancelling'
                  : undefined
            }
            onClick={() => {
              if (to === 'rejected') setStep('rejecting')
              else if (to === 'cancelled') setStep('cancelling')
              else void move(to)
            }}
          >
            {ACTION_LABELS[to]}
          </button>
        ))}
      </div>
      {step === 'rejecting' && (
        // Not a <form>: this sits inside the document's form, and forms do not nest.
        <div style={{ display: 'grid', gap: '0.5rem', marginTop: '0.75rem' }}>
          <label htmlFor="workflow-reason">Reason for the organizer</label>
          <textarea
            id="workflow-reason"
            required
            rows={3}
            value={reason}
            onChange={(change) => setReason(change.target.value)}
          />
          <div style={{ display: 'flex', gap: '0.5rem' }}>
            <button
              type="button"
              className="btn btn--size-small btn--style-primary"
              style={{ margin: 0 }}
              disabled={!reason.trim() || blockedReason !== null}
              onClick={() => void move('rejected', { rejectionReason: reason.trim() })}
            >
              Reject with this reason
            </button>
            <button
              type="button"
              className="btn btn--size-small btn--style-secondary"
              style={{ margin: 0 }}
              onClick={() => setStep(null)}
            >
              Back
            </button>
          </div>
        </div>
      )}
      {step === 'cancelling' && (
        <div role="alertdialog" aria-labelledby="workflow-cancel" style={{ marginTop: '0.75rem' }}>
          <p id="workflow-cancel">
            Cancel this event? Every attendee is told by email and every payment is refunded. This
            cannot be undone.
          </p>
          <div style={{ display: 'flex', gap: '0.5rem' }}>
            <button
              type="button"
              className="btn btn--size-small btn--style-primary"
              style={{ margin: 0 }}
              disabled={blockedReason !== null}
              onClick={() => void move('cancelled')}
            >
              Yes, cancel the event
            </button>
            <button
              type="button"
              className="btn btn--size-small btn--style-secondary"
              style={{ margin: 0 }}
              onClick={() => setStep(null)}
            >
              Keep it
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
