import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import type { OperationBinding, SecurityScheme } from '../../openapi-import/binding.ts'
import { requestHeader } from '../request/request-header.ts'

/** Any well-formed credential of a scheme the operation accepts lets the request in; else 401. */
export function checkCredentials(c: Context, op: OperationBinding): void {
  if (op.security.length === 0) return
  if (op.security.some((schemes) => schemes.every((scheme) => presented(c, scheme)))) return
  const wanted = op.security.flat().map(describe)
  throw new AppError(
    'unauthorized',
    `A credential is required: ${[...new Set(wanted)].join(' or ')}.`,
    {
      headers: {
        'WWW-Authenticate': op.security.flat().some((s) => s.kind === 'basic') ? 'Basic' : 'Bearer',
      },
    },
  )
}

function presented(c: Context, scheme: SecurityScheme): boolean {
  const authorization = requestHeader(c, 'authorization') ?? ''
  switch (scheme.kind) {
    case 'bearer':
      return /^Bearer\s+\S+$/i.test(authorization)
    case 'basic': {
      const encoded = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(authorization)?.[1]
      return encoded !== undefined && atob(encoded).includes(':')
    }
    case 'apiKey':
      if (scheme.in === 'header') return (requestHeader(c, scheme.name.toLowerCase()) ?? '') !== ''
      if (scheme.in === 'query') return (c.req.query(scheme.name) ?? '') !== ''
      return (requestHeader(c, 'cookie') ?? '')
        .split(';')
        .some((part) => part.trim().startsWith(`${scheme.name}=`))
  }
}

function describe(scheme: SecurityScheme): string {
  if (scheme.kind === 'apiKey') return `the ${scheme.in} ${scheme.name}`
  return scheme.kind === 'bearer'
    ? 'Authorization: Bearer <token>'
    : 'Authorization: Basic <user:password>'
}
