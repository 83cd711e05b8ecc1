/** The path of a field beside `path` in the same group or row ("price" → "currency"). */
export const siblingPath = (path: string, name: string): string => {
  const cut = path.lastIndexOf('.')
  return cut === -1 ? name : `${path.slice(0, cut + 1)}${name}`
}
