// How the Worker's parts talk to each other: a request to an object, tagged with a header that
// says what it is. The Worker strips that header from every client request, so only its own
// parts can send one.

export const INTERNAL_HEADER = 'Fauxrest-Internal'

/**
 * `request`: a client's request inside session NAME (to its object); `info` and `drop`: the
 * database's object asks a session's object; `admit`: a new session's object asks the database's
 * registry to let it in.
 */
export const INTERNAL_OPS = ['request', 'info', 'drop', 'admit'] as const
export type InternalOp = (typeof INTERNAL_OPS)[number]
export type InternalCall = { readonly op: InternalOp; readonly name: string }

const ORIGIN = 'https://fauxrest.internal'

function isInternalOp(value: string): value is InternalOp {
  return (INTERNAL_OPS as readonly string[]).includes(value)
}

/** What an internal request asks; `undefined` for anything else. */
export function internalCall(request: Request): InternalCall | undefined {
  const value = request.headers.get(INTERNAL_HEADER)
  if (value === null) return undefined
  const space = value.indexOf(' ')
  const op = value.slice(0, space)
  return space > 0 && isInternalOp(op) ? { op, name: value.slice(space + 1) } : undefined
}

/** A request from one part of the Worker to another, with nothing but what it asks. */
export function internalRequest(op: Exclude<InternalOp, 'request'>, name: string): Request {
  return new Request(`${ORIGIN}/${op}`, {
    method: 'POST',
    headers: { [INTERNAL_HEADER]: `${op} ${name}` },
  })
}

/** A client's request as it came, without any internal header, and tagged with `call` if given. */
export function clientRequest(request: Request, call?: InternalCall): Request {
  if (call === undefined && !request.headers.has(INTERNAL_HEADER)) return request
  const headers = new Headers(request.headers)
  if (call === undefined) headers.delete(INTERNAL_HEADER)
  else headers.set(INTERNAL_HEADER, `${call.op} ${call.name}`)
  return new Request(request, { headers })
}
