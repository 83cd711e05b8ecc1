'use client'

import { FieldDescription, FieldError, FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import type { NumberFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

import { currencySymbol, fromMajorText, minorDigits, toMajorText } from '../../fields/moneyFormat'
import { siblingPath } from './siblingPath'

/**
 * An amount typed in the currency's normal units ("15.00" €, "1500" ¥) and kept in the form as
 * integer minor units (1500), as the API stores it. Changing the currency keeps what was typed.
 */
export const MoneyField: NumberFieldClientComponent = ({
  field,
  path: pathFromProps,
  readOnly,
}) => {
  const { path, value, setValue, showError, disabled } = useField<number>({
    potentiallyStalePath: pathFromProps,
  })
  const currencyValue = useFormFields(
    ([fields]) =>
      // A row of an event's list (a ticket type's price) follows the event's own field.
      fields[siblingPath(path, 'currency')]?.value ?? fields['currency']?.value,
  )
  const currency = typeof currencyValue === 'string' && currencyValue ? currencyValue : 'USD'
  const [text, setText] = useState(() =>
    typeof value === 'number' ? toMajorText(value, currency) : '',
  )
  const [isMalformed, setIsMalformed] = useState(false)

  // The typed amount means the same in the new currency: 15 € becomes ¥15 (stored 1500 → 15).
  // An amount the new currency cannot have (15.50 in yen) is flagged and emptied, so a save asks
  // for it instead of keeping 1550 minor units that would now read ¥1,550.
  useEffect(() => {
    const minor = fromMajorText(text, currency)
    if (minor !== (value ?? null)) setValue(minor)
    setIsMalformed(text.trim() !== '' && minor === null)
  }, [currency])

  // A value set from outside (a save, a reload) shows in normal units.
  useEffect(() => {
    if (typeof value !== 'number') return
    if (fromMajorText(text, currency) !== value) setText(toMajorText(value, currency))
  }, [value])

  const id = `field-${path.replace(/\./g, '__')}`
  return (
    <div className="field-type text" style={{ flex: '1 1 auto' }}>
      <FieldLabel htmlFor={id} label={field.label} path={path} required={field.required} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        {isMalformed && (
          <p role="alert" className="field-error">
            {`Type an amount in ${currency}, e.g. ${toMajorText(15 * 10 ** minorDigits(currency), currency)}.`}
          </p>
        )}
        <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
          <span aria-hidden="true">{currencySymbol(currency)}</span>
          <input
            id={id}
            name={path}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            readOnly={readOnly || disabled || field.admin?.readOnly}
            aria-invalid={isMalformed || showError}
            onChange={(change) => {
              setText(change.target.value)
              const minor = fromMajorText(change.target.value, currency)
              setIsMalformed(change.target.value.trim() !== '' && minor === null)
              // A malformed amount leaves the form's value empty, so saving asks for one.
              setValue(minor)
            }}
          />
          <span>{currency}</span>
        </div>
        <FieldDescription
          path={path}
          description={`In ${currency} as buyers pay it: 15.00 is fifteen, not fifteen cents. 0 is free.`}
        />
      </div>
    </div>
  )
}
