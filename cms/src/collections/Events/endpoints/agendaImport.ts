import type { Endpoint } from 'payload'
import { z } from 'zod'

import { checkRole } from '../../../access/checkRole'
import { PROGRAM_ERROR } from '../../../contract/program'
import { RequestError } from '../../../lib/errors'
import { json, parseBody } from '../../../lib/http'
import { findVisibleEvent, idOf } from '../../../services/bookableEvent'
import { importAgenda } from '../../../services/program/agendaImport'

const importBodySchema = z.object({ csv: z.string().min(1).max(1_000_000) }).strict()

/** POST /api/events/:id/agenda-import `{ csv }`: the event's organizer or an admin adds sessions. */
export const agendaImport: Endpoint = {
  path: '/:id/agenda-import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) {
      throw new RequestError('Log in to import an agenda.', 401, {
        code: PROGRAM_ERROR.loginRequired,
      })
    }
    const event = await findVisibleEvent(req, String(req.routeParams?.id))
    if (!checkRole(['admin'], req.user) && idOf(event.organizer) !== req.user.id) {
      throw new RequestError('Only the event’s organizer imports its agenda.', 403, {
        code: PROGRAM_ERROR.notYourEvent,
      })
    }
    const { csv } = await parseBody(req, importBodySchema)
    const sessions = await importAgenda(req, event, csv)
    return json(req, { created: sessions.length, sessions }, { status: 201 })
  },
}
