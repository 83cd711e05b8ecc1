import { render } from '@react-email/components'

import type { EmailContent } from './templates'

export type RenderedEmail = { subject: string; html: string; text: string }

/** Responsive HTML plus the plain-text part, from one template. */
export async function renderEmail(content: EmailContent): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([
    render(content.element),
    render(content.element, { plainText: true }),
  ])
  return { subject: content.subject, html, text }
}
