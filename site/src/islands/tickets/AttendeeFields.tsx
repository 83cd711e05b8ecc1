import type { Answer, QuestionOffer } from '@event-portal/cms/contract'

import { attendeeInputId, type AttendeeInput, type AttendeeSlot } from '../../lib/tickets'

type Props = {
  slot: AttendeeSlot
  number: number
  attendee: AttendeeInput
  questions: QuestionOffer[]
  invalidId: string | null
  onChange: (attendee: AttendeeInput) => void
}

const Required = () => (
  <>
    {' '}
    <span aria-hidden="true">*</span>
    <span className="visually-hidden">(required)</span>
  </>
)

/** One ticket's attendee: name, email and the event's questions, each labelled. */
export default function AttendeeFields({
  slot,
  number,
  attendee,
  questions,
  invalidId,
  onChange,
}: Props) {
  const id = (field: string) => attendeeInputId(slot.key, field)
  const invalid = (field: string) =>
    invalidId === id(field) ? { 'aria-invalid': true, 'aria-describedby': 'checkout-error' } : {}
  const answer = (question: string, value: Answer) =>
    onChange({ ...attendee, answers: { ...attendee.answers, [question]: value } })

  return (
    <fieldset className="attendee">
      <legend>
        Ticket {number}: {slot.typeName}
      </legend>
      <label htmlFor={id('name')}>
        Attendee name
        <Required />
      </label>
      <input
        id={id('name')}
        type="text"
        autoComplete={number === 1 ? 'name' : 'off'}
        required
        maxLength={200}
        value={attendee.name}
        onInput={(event) => onChange({ ...attendee, name: event.currentTarget.value })}
        {...invalid('name')}
      />
      <label htmlFor={id('email')}>
        Attendee email
        <Required />
      </label>
      <input
        id={id('email')}
        type="email"
        autoComplete={number === 1 ? 'email' : 'off'}
        required
        maxLength={320}
        value={attendee.email}
        onInput={(event) => onChange({ ...attendee, email: event.currentTarget.value })}
        {...invalid('email')}
      />
      {questions.map((question) => {
        const field = `q-${question.id}`
        const value = attendee.answers[question.id]
        if (question.kind === 'checkbox') {
          return (
            <label className="checkbox" key={question.id}>
              <input
                id={id(field)}
                type="checkbox"
                required={question.required}
                checked={value === true}
                onChange={(event) => answer(question.id, event.currentTarget.checked)}
                {...invalid(field)}
              />{' '}
              {question.label}
              {question.required && <Required />}
            </label>
          )
        }
        if (question.kind === 'multiple') {
          const chosen = Array.isArray(value) ? value : []
          return (
            <fieldset key={question.id} id={id(field)} {...invalid(field)}>
              <legend>
                {question.label}
                {question.required && <Required />}
              </legend>
              {question.options.map((option) => (
                <label className="checkbox" key={option}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(option)}
                    onChange={(event) =>
                      answer(
                        question.id,
                        event.currentTarget.checked
                          ? [...chosen, option]
                          : chosen.filter((item) => item !== option),
                      )
                    }
                  />{' '}
                  {option}
                </label>
              ))}
            </fieldset>
          )
        }
        return (
          <div key={question.id}>
            <label htmlFor={id(field)}>
              {question.label}
              {question.required && <Required />}
            </label>
            {question.kind === 'single' ? (
              <select
                id={id(field)}
                required={question.required}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => answer(question.id, event.currentTarget.value)}
                {...invalid(field)}
              >
                <option value="">Choose…</option>
                {question.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id(field)}
                type="text"
                required={question.required}
                maxLength={2000}
                value={typeof value === 'string' ? value : ''}
                onInput={(event) => answer(question.id, event.currentTarget.value)}
                {...invalid(field)}
              />
            )}
          </div>
        )
      })}
    </fieldset>
  )
}
