// Reads the .eml files the server writes to E2E_MAIL_DIR (Email:Provider=file): a tiny MIME parser that handles
// folded headers, multipart bodies and base64 / quoted-printable transfer encodings.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

export type MailPart = { contentType: string; headers: Map<string, string>; text: string }
export type Mail = { headers: Map<string, string>; parts: MailPart[] }

export const mailDir = process.env.E2E_MAIL_DIR

function splitHeadersAndBody(raw: string): [string, string] {
  const text = raw.replace(/\r\n/g, '\n')
  const end = text.indexOf('\n\n')
  return end < 0 ? [text, ''] : [text.slice(0, end), text.slice(end + 2)]
}

/** Header names lower-cased; folded lines (starting with whitespace) joined. */
export function parseHeaders(block: string) {
  const headers = new Map<string, string>()
  let last: string | undefined
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`)
    } else {
      const colon = line.indexOf(':')
      if (colon <= 0) continue
      last = line.slice(0, colon).trim().toLowerCase()
      headers.set(last, line.slice(colon + 1).trim())
    }
  }
  return headers
}

function param(headerValue: string | undefined, name: string) {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(headerValue ?? '')
  return match ? (match[1] ?? match[2]) : undefined
}

export function decodeQuotedPrintable(body: string) {
  const softBreaksRemoved = body.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < softBreaksRemoved.length; i++) {
    const ch = softBreaksRemoved[i]
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(softBreaksRemoved.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(softBreaksRemoved.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'))
    }
  }
  return Buffer.from(bytes)
}

function decodeBody(body: string, headers: Map<string, string>) {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  const charset = (param(headers.get('content-type'), 'charset') ?? 'utf-8').toLowerCase()
  let bytes
  if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64')
  else if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(body)
  else bytes = Buffer.from(body, 'utf8')
  return new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset).decode(bytes)
}

/** Parses a MIME message into its headers and its leaf parts ({ contentType, headers, text }). */
export function parseEml(raw: string): Mail {
  const [headerBlock, body] = splitHeadersAndBody(raw)
  const headers = parseHeaders(headerBlock)
  return { headers, parts: leafParts(headers, body) }
}

function leafParts(headers: Map<string, string>, body: string): MailPart[] {
  const contentType = (headers.get('content-type') ?? 'text/plain').toLowerCase()
  if (contentType.startsWith('multipart/')) {
    const boundary = param(headers.get('content-type'), 'boundary')
    if (!boundary) return []
    const normalized = body.replace(/\r\n/g, '\n')
    const sections = normalized.split(`--${boundary}`).slice(1)
    const parts: MailPart[] = []
    for (const section of sections) {
      if (section.startsWith('--')) break // closing delimiter
      const [partHeaders, partBody] = splitHeadersAndBody(section.replace(/^\n/, ''))
      parts.push(...leafParts(parseHeaders(partHeaders), partBody.replace(/\n$/, '')))
    }
    return parts
  }
  return [{ contentType: contentType.split(';')[0].trim(), headers, text: decodeBody(body, headers) }]
}

/** The text/plain body (or the first part). */
export function plainText(message: Mail) {
  return (message.parts.find((p) => p.contentType === 'text/plain') ?? message.parts[0])?.text ?? ''
}

/** Waits for a message to `address` (optionally matching `predicate`), newest first. */
export async function waitForMail(
  address: string,
  { timeoutMs = 45_000, predicate = (_: Mail) => true }: { timeoutMs?: number; predicate?: (m: Mail) => boolean } = {},
): Promise<Mail> {
  if (!mailDir) throw new Error('E2E_MAIL_DIR is not set: the server must write mail to a folder for this test')
  const deadline = Date.now() + timeoutMs
  const wanted = address.toLowerCase()
  while (Date.now() < deadline) {
    let names: string[] = []
    try {
      names = (await readdir(mailDir)).filter((n) => n.endsWith('.eml')).sort().reverse()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    for (const name of names) {
      const message = parseEml(await readFile(path.join(mailDir, name), 'utf8'))
      const to = `${message.headers.get('to') ?? ''} ${message.headers.get('x-receiver') ?? ''}`.toLowerCase()
      if (to.includes(wanted) && predicate(message)) return message
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No email to ${address} arrived in ${mailDir} within ${timeoutMs} ms`)
}

/** The first link in the message's text whose path is `pathname` (e.g. /verify-email). */
export function findLink(message: Mail, pathname: string) {
  const text = plainText(message)
  for (const match of text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)) {
    const url = new URL(match[0])
    if (url.pathname === pathname) return url
  }
  throw new Error(`No ${pathname} link in the email:\n${text}`)
}
