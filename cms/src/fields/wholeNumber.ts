/** Validates a whole number within bounds (a custom validate replaces Payload's own min/max check). */
export const wholeNumberBetween =
  (min: number, max: number) =>
  (value: number | null | undefined): true | string => {
    if (value === null || value === undefined) return true
    if (!Number.isInteger(value)) return 'Must be a whole number.'
    if (value < min || value > max) return `Must be between ${min} and ${max}.`
    return true
  }
