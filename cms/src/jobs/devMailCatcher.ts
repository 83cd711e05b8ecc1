/**
 * The local mail catcher `npm start` runs when no SMTP_URL is set: SMTP on
 * MAIL_CATCHER_SMTP_PORT (1025), each message saved as .data/mail/*.eml, and an outbox listing
 * on http://localhost:MAIL_CATCHER_HTTP_PORT (8025) with the HTML, text and attachments.
 * Run alone: `npm run mail:catcher -w cms`.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'

import { simpleParser } from 'mailparser'

import { parseEnv } from '../env'
import { startMailCatcher } from './mailCatcher'

const env = parseEnv(process.env)
const mailDir = path.resolve(process.env.MAIL_DIR ?? path.join(process.cwd(), '.data', 'mail'))
await mkdir(mailDir, { recursive: true })

const catcher = await startMailCatcher({
  port: env.MAIL_CATCHER_SMTP_PORT,
  async onMessage({ raw, receivedAt }) {
    const name = `${receivedAt.toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`
    await writeFile(path.join(mailDir, name), raw)
  },
})

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const isMessageName = (name: string): boolean => /^[\w-]+\.eml$/.test(name)

async function listPage(): Promise<string> {
  const names = (await readdir(mailDir)).filter(isMessageName).sort().reverse().slice(0, 200)
  const rows = await Promise.all(
    names.map(async (name) => {
      const mail = await simpleParser(await readFile(path.join(mailDir, name)))
      const to = Array.isArray(mail.to)
        ? mail.to.map((a) => a.text).join(', ')
        : (mail.to?.text ?? '')
      const files = mail.attachments.map((a) => a.filename ?? 'attachment').join(', ')
      return `<tr><td>${escapeHtml(mail.date?.toISOString() ?? '')}</td><td>${escapeHtml(to)}</td><td><a href="/messages/${name}">${escapeHtml(mail.subject ?? '(no subject)')}</a></td><td>${escapeHtml(files)}</td></tr>`
    }),
  )
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outbox · Event Portal</title><meta http-equiv="refresh" content="5"><style>body{font-family:sans-serif;margin:2rem}td,th{padding:.3rem .6rem;text-align:left;border-bottom:1px solid #ddd}</style></head><body><h1>Local outbox</h1><p>${names.length} message(s) in ${escapeHtml(mailDir)}</p><table><thead><tr><th>Date</th><th>To</th><th>Subject</th><th>Attachments</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`
}

const server = http.createServer((req, res) => {
  void (async () => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const match = /^\/messages\/([\w-]+\.eml)(?:\/(raw|attachments\/(\d+)))?$/.exec(url.pathname)
      if (url.pathname === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(await listPage())
      } else if (match && isMessageName(match[1]!)) {
        const raw = await readFile(path.join(mailDir, match[1]!))
        if (match[2] === 'raw') {
          res.writeHead(200, { 'Content-Type': 'message/rfc822' }).end(raw)
          return
        }
        const mail = await simpleParser(raw)
        if (match[3] !== undefined) {
          const file = mail.attachments[Number(match[3])]
          if (!file) throw new Error('no such attachment')
          res
            .writeHead(200, {
              'Content-Type': file.contentType,
              'Content-Disposition': `attachment; filename="${(file.filename ?? 'file').replace(/"/g, '')}"`,
            })
            .end(file.content)
          return
        }
        const files = mail.attachments
          .map(
            (a, i) =>
              `<a href="/messages/${match[1]}/attachments/${i}">${escapeHtml(a.filename ?? 'attachment')}</a>`,
          )
          .join(' ')
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(mail.subject ?? '')}</title></head><body style="font-family:sans-serif;margin:2rem"><p><a href="/">← Outbox</a> · <a href="/messages/${match[1]}/raw">raw .eml</a></p><h1>${escapeHtml(mail.subject ?? '')}</h1><p>Attachments: ${files || 'none'}</p><iframe sandbox title="HTML part" style="width:100%;height:60vh;border:1px solid #ccc" srcdoc="${escapeHtml(typeof mail.html === 'string' ? mail.html : '')}"></iframe><h2>Plain text</h2><pre>${escapeHtml(mail.text ?? '')}</pre></body></html>`,
          )
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
      }
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    }
  })()
})
server.listen(env.MAIL_CATCHER_HTTP_PORT, '127.0.0.1', () => {
  console.log(
    `Mail catcher: SMTP on 127.0.0.1:${catcher.port}, outbox on http://localhost:${env.MAIL_CATCHER_HTTP_PORT} (${mailDir})`,
  )
})

const shutdown = (): void => {
  server.close()
  void catcher.close().then(() => process.exit(0))
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
