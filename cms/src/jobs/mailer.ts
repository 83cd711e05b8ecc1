import nodemailer, { type Transporter } from 'nodemailer'

import { parseEnv } from '../env'

export type OutgoingMail = {
  to: string
  subject: string
  html: string
  text: string
  messageId: string
  headers?: Record<string, string>
  attachments?: { filename: string; content: string; contentType: string }[]
}

let transport: Transporter | undefined

/** SMTP_URL when set, otherwise the local mail catcher (`npm start` runs it; Mailpit's port). */
export function smtpUrl(): string {
  // Read when the first mail goes, so a process (or test) may point it at its own server.
  const env = parseEnv(process.env)
  return env.SMTP_URL ?? `smtp://127.0.0.1:${env.MAIL_CATCHER_SMTP_PORT}`
}

function getTransport(): Transporter {
  const url = new URL(smtpUrl())
  // A pool keeps connections open across jobs; the options ride in the URL nodemailer parses.
  url.searchParams.set('pool', 'true')
  url.searchParams.set('maxConnections', '5')
  transport ??= nodemailer.createTransport(url.toString())
  return transport
}

export async function sendMail(mail: OutgoingMail): Promise<string> {
  const info = await getTransport().sendMail({
    from: parseEnv(process.env).MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    headers: mail.headers,
    attachments: mail.attachments,
  })
  return info.messageId
}

export function closeMailer(): void {
  transport?.close()
  transport = undefined
}
