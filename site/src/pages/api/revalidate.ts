import type { APIRoute } from 'astro'
import { SITE_REVALIDATE_SECRET } from 'astro:env/server'
import { timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

import { json, readJson } from '../../lib/http'
import { PAGE_TAG } from '../../lib/pageCache'
import { purgeBus } from '../../lib/site'

const revalidateBodySchema = z.object({
  tags: z
    .array(z.string().regex(/^[\w:-]{1,120}$/))
    .min(1)
    .max(50),
})

function isSecretValid(given: string | null): boolean {
  if (!given) return false
  const expected = Buffer.from(SITE_REVALIDATE_SECRET)
  const actual = Buffer.from(given)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * Called by the CMS after a change. The CMS's hooks run before its database
 * transaction commits, so a read racing the purge could cache the old row: the
 * tags are purged once now and once more shortly after, once the write is
 * surely visible.
 */
const SETTLE_MS = 400

export const POST: APIRoute = async ({ request }) => {
  if (!isSecretValid(request.headers.get('x-revalidate-secret'))) {
    return json({ error: 'Not allowed.' }, 401)
  }
  const body = await readJson(request, revalidateBodySchema)
  if (!body) return json({ error: 'Send { "tags": ["…"] }.' }, 400)
  const tags = [...body.tags, PAGE_TAG]
  await purgeBus.publish(tags)
  setTimeout(() => void purgeBus.publish(tags), SETTLE_MS).unref()
  return json({ tags: body.tags })
}
