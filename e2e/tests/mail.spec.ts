// The .eml reader the browser tests depend on (no browser needed).
import { expect, test } from '@playwright/test'
import { findLink, parseEml, plainText } from '../support/mail.ts'

const link = 'http://127.0.0.1:8181/verify-email?token=AbC-123_xyz'

function multipart(textPart: string[]) {
  return [
    'X-Sender: no-reply@askvideo.local',
    'X-Receiver: bob@example.com',
    'MIME-Version: 1.0',
    'From: AskVideo <no-reply@askvideo.local>',
    'To: bob@example.com',
    'Subject: =?utf-8?B?Q29uZmlybQ==?=',
    'Content-Type: multipart/alternative;',
    ' boundary=--boundary_0_5f1c',
    '',
    '',
    '----boundary_0_5f1c',
    ...textPart,
    '----boundary_0_5f1c',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(`<a href="${link}">Confirm</a>`).toString('base64'),
    '----boundary_0_5f1c--',
    '',
  ].join('\r\n')
}

test('mail reader: reads a base64 text/plain part', () => {
  const body = Buffer.from(`Hello Bob,\n\nConfirm your address: ${link}\n\nこんにちは`).toString('base64')
  const message = parseEml(
    multipart(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', body.slice(0, 40), body.slice(40)]),
  )
  expect(message.headers.get('to')).toBe('bob@example.com')
  expect(plainText(message)).toMatch(/こんにちは/)
  expect(findLink(message, '/verify-email').href).toBe(link)
})

test('mail reader: reads a quoted-printable text/plain part with soft line breaks', () => {
  const qp = ['Confirm your address: http://127.0.0.1:8181/verify-email?token=3D=', 'AbC-123_xyz', '=E3=81=93=E3=82=93=E3=81=AB=E3=81=A1=E3=81=AF']
  const message = parseEml(multipart(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', ...qp]))
  const text = plainText(message)
  expect(text).toMatch(/こんにちは/)
  expect(findLink(message, '/verify-email').searchParams.get('token')).toBe('AbC-123_xyz')
})
