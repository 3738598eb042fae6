import type { Context } from 'hono'
import { sign, verify } from 'hono/jwt'
import { JwtTokenExpired, JwtTokenSignatureMismatched } from 'hono/utils/jwt/types'
import type { AuthConfig, Caller } from '../../auth/auth-config.ts'
import { AppError } from '../../errors.ts'
import type { Row } from '../../json.ts'
import { requestHeader } from '../request/request-header.ts'

/** The caller a request's token names, or why there is none (said in a 401 if one is needed). */
export type CallerState =
  | { readonly caller: Caller; readonly problem?: undefined }
  | { readonly caller?: undefined; readonly problem: string; readonly invalid: boolean }

const NO_HEADER: CallerState = {
  problem: 'Missing authorization header (Authorization: Bearer <accessToken>).',
  invalid: false,
}

/**
 * An HS256 token for a user: `sub` is its id, with its email (and login name), `iat` and `exp`;
 * in a session, `session` names it, and the token works only there.
 */
export function issueToken(
  config: AuthConfig,
  user: Row,
  session: string | undefined,
  now = Date.now(),
): Promise<string> {
  const iat = Math.floor(now / 1000)
  const claims: Record<string, string | number> = {}
  for (const field of ['email', config.login]) {
    const value = user[field]
    if (typeof value === 'string') claims[field] = value
  }
  if (session !== undefined) claims['session'] = session
  return sign(
    { ...claims, iat, exp: iat + config.expiresIn, sub: String(user[config.userIdKey]) },
    config.secret,
    'HS256',
  )
}

/**
 * Reads `Authorization: Bearer <token>` (also `Token <token>`, as some clients write it). Without
 * the header the answer is synchronous, so public reads stay on the synchronous path.
 */
export function readCaller(
  c: Context,
  config: AuthConfig,
  session: string | undefined,
): CallerState | Promise<CallerState> {
  const header = requestHeader(c, 'authorization')
  if (header === undefined || header.trim() === '') return NO_HEADER
  const [scheme = '', token, ...rest] = header.trim().split(/\s+/)
  if (!/^(?:bearer|token)$/i.test(scheme)) {
    return { problem: `Incorrect authorization scheme "${scheme}" (use Bearer).`, invalid: true }
  }
  if (token === undefined || rest.length > 0) {
    return { problem: 'Missing token after Bearer.', invalid: true }
  }
  return verifyToken(token, config, session)
}

/** What a token whose signature checked out says: kept so the next request need not check it. */
type Claims = { readonly sub: unknown; readonly session: unknown; readonly exp: number | undefined }

// Checking an HS256 signature through Web Crypto made a read with a token cost 74 µs of server CPU
// against 19 µs without one (npm run bench, auth), so a token whose signature checked out is
// remembered, per auth configuration (a reload with a new secret starts afresh), and only its
// expiry is checked again. The memory is bounded: past the limit it starts over.
const verified = new WeakMap<AuthConfig, Map<string, Claims>>()
const REMEMBERED_TOKENS = 10_000

/**
 * The caller a token names, or why it names none (expired, badly signed, malformed, another
 * session's); synchronous for a token seen before.
 */
export function verifyToken(
  token: string,
  config: AuthConfig,
  session: string | undefined,
): CallerState | Promise<CallerState> {
  const known = verified.get(config)?.get(token)
  return known === undefined ? checkSignature(token, config, session) : callerOf(known, session)
}

async function checkSignature(
  token: string,
  config: AuthConfig,
  session: string | undefined,
): Promise<CallerState> {
  let claims: Claims
  try {
    const payload = await verify(token, config.secret, 'HS256')
    const exp = payload['exp']
    claims = {
      sub: payload['sub'],
      session: payload['session'],
      exp: typeof exp === 'number' ? exp : undefined,
    }
  } catch (error) {
    const problem =
      error instanceof JwtTokenExpired
        ? EXPIRED
        : error instanceof JwtTokenSignatureMismatched
          ? 'The token has an invalid signature.'
          : 'The token is malformed.'
    return { problem, invalid: true }
  }
  let tokens = verified.get(config)
  if (tokens === undefined) verified.set(config, (tokens = new Map()))
  if (tokens.size >= REMEMBERED_TOKENS) tokens.clear()
  tokens.set(token, claims)
  return callerOf(claims, session)
}

const EXPIRED = 'The token has expired: log in again.'

function callerOf(claims: Claims, session: string | undefined): CallerState {
  // As the signature check does: expired from the second `exp` names.
  if (claims.exp !== undefined && claims.exp <= Math.floor(Date.now() / 1000)) {
    return { problem: EXPIRED, invalid: true }
  }
  const { sub } = claims
  if (typeof sub !== 'string' || sub === '') {
    return { problem: 'The token names no user (no "sub").', invalid: true }
  }
  // A session's users are its own: its tokens are good there only.
  const issuedIn = claims.session
  if (issuedIn !== session) {
    const where = typeof issuedIn === 'string' ? `session "${issuedIn}"` : 'no session'
    return { problem: `The token was issued in ${where}: log in here.`, invalid: true }
  }
  return { caller: { id: sub } }
}

/** 401 with `WWW-Authenticate: Bearer` (RFC 6750), saying why the request has no caller. */
export function unauthorized(state: CallerState): AppError {
  const invalid = state.caller === undefined && state.invalid
  const challenge = invalid ? 'Bearer error="invalid_token"' : 'Bearer'
  return new AppError('unauthorized', state.problem ?? 'Log in first.', {
    headers: { 'WWW-Authenticate': challenge },
  })
}
