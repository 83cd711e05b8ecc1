'use client'

import { SelectInput, useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import { useMemo } from 'react'

import { timeZoneNames } from '../../fields/zonedTime'

/** The event's time zone as a searchable list of IANA zones (type "berl" to find Europe/Berlin). */
export const TimeZoneSelectField: TextFieldClientComponent = ({
  field,
  path: pathFromProps,
  readOnly,
}) => {
  const { path, value, setValue, showError, disabled } = useField<string>({
    potentiallyStalePath: pathFromProps,
  })
  const options = useMemo(
    () => timeZoneNames(value).map((zone) => ({ label: zone.replace(/_/g, ' '), value: zone })),
    [value],
  )
  return (
    <SelectInput
      name={field.name}
      path={path}
      label={field.label ?? 'Time zone'}
      required={field.required}
      description={field.admin?.description}
      options={options}
      value={value ?? ''}
      isClearable={false}
      readOnly={readOnly || disabled || field.admin?.readOnly}
      showError={showError}
      style={{ flex: '1 1 auto' }}
      onChange={(option) => {
        if (option && !Array.isArray(option)) setValue(option.value)
      }}
    />
  )
}
