import type { Context } from 'hono'

type NodeIncoming = { readonly headers: Readonly<Record<string, string | string[] | undefined>> }

function nodeIncoming(c: Context): NodeIncoming | undefined {
  const env: unknown = c.env
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined
  const incoming: unknown = env.incoming
  if (typeof incoming !== 'object' || incoming === null || !('headers' in incoming))
    return undefined
  const headers: unknown = incoming.headers
  return typeof headers === 'object' && headers !== null ? (incoming as NodeIncoming) : undefined
}

/**
 * A request header, read straight from Node's parsed headers when the server runs on Node: asking
 * the web Request instead builds a Headers object for every request, a large share of a small GET.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = nodeIncoming(c)
  if (incoming === undefined) return c.req.header(name)
  const value = incoming.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}
