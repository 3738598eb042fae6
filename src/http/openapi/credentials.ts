import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { AppError } from '../../errors.ts'
import type { OperationBinding, SecurityScheme } from '../../openapi-import/binding.ts'
import { requestHeader } from '../request/request-header.ts'

/** With auth configured: whether a credential is real (a token it issued, a user's password). */
export type CredentialCheck = {
  readonly token: (token: string) => Promise<boolean>
  readonly basic: (user: string, password: string) => Promise<boolean>
}

/**
 * The operation's security: a request without a credential of a scheme it accepts is a 401.
 * Without auth configured any well-formed credential lets it in; with auth, the credential must be
 * real: a bearer token or API key is a token fauxrest issued (POST /login), Basic is a user's
 * login name and password.
 */
export async function checkCredentials(
  c: Context,
  op: OperationBinding,
  check: CredentialCheck | undefined,
): Promise<void> {
  if (op.security.length === 0) return
  const presented = op.security
    .map((schemes) => schemes.map((scheme) => ({ scheme, value: credentialOf(c, scheme) })))
    .filter((alternative) => alternative.every(({ value }) => value !== undefined))
  const challenge = op.security.flat().some((s) => s.kind === 'basic') ? 'Basic' : 'Bearer'
  if (presented.length === 0) {
    const wanted = op.security.flat().map(describe)
    throw new AppError(
      'unauthorized',
      `A credential is required: ${[...new Set(wanted)].join(' or ')}.`,
      { headers: { 'WWW-Authenticate': challenge } },
    )
  }
  if (check === undefined) return
  for (const alternative of presented) {
    const valid = await Promise.all(
      alternative.map(({ scheme, value }) => isReal(scheme, value ?? '', check)),
    )
    if (valid.every(Boolean)) return
  }
  throw new AppError(
    'unauthorized',
    'The credential is not valid: log in with POST /login and send its accessToken.',
    {
      headers: {
        'WWW-Authenticate': challenge === 'Basic' ? 'Basic' : 'Bearer error="invalid_token"',
      },
    },
  )
}

function isReal(scheme: SecurityScheme, value: string, check: CredentialCheck): Promise<boolean> {
  if (scheme.kind !== 'basic') return check.token(value)
  const colon = value.indexOf(':')
  return check.basic(value.slice(0, colon), value.slice(colon + 1))
}

/** The credential a request presents for a scheme (a token, `user:password`, a key); else none. */
function credentialOf(c: Context, scheme: SecurityScheme): string | undefined {
  const authorization = requestHeader(c, 'authorization') ?? ''
  switch (scheme.kind) {
    case 'bearer':
      return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1]
    case 'basic': {
      const encoded = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(authorization)?.[1]
      if (encoded === undefined) return undefined
      const decoded = atob(encoded)
      return decoded.includes(':') ? decoded : undefined
    }
    case 'apiKey':
      if (scheme.in === 'header') return filled(requestHeader(c, scheme.name.toLowerCase()))
      if (scheme.in === 'query') return filled(c.req.query(scheme.name))
      return filled(getCookie(c, scheme.name))
  }
}

function describe(scheme: SecurityScheme): string {
  if (scheme.kind === 'apiKey') return `the ${scheme.in} ${scheme.name}`
  return scheme.kind === 'bearer'
    ? 'Authorization: Bearer <token>'
    : 'Authorization: Basic <user:password>'
}

function filled(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
