// Any origin serves to resolve a path: only whether the result stays on it matters, and the
// answer is returned as a path, so the browser applies it to the site's real origin.
const SITE = new URL('https://site.invalid')

// Browsers drop tabs and newlines from URLs ("/\t/evil" becomes "//evil") and read "\" as "/";
// a carriage return cannot even be sent in a Location header. None has a place in a path we link.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/

/**
 * The same-site path `value` names (path, query and fragment, percent-encoded as a browser
 * would), or `fallback` for anything that could lead elsewhere: another origin or scheme,
 * "//host", control characters, backslashes. So a link cannot send people off the site.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/account'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return fallback
  if (UNSAFE_CHARACTERS.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, SITE)
  } catch {
    return fallback
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  // Dot segments can collapse into "//host" ("/.//evil.example"), read as another origin.
  if (url.origin !== SITE.origin || path.startsWith('//')) return fallback
  return path
}
