import { open, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { Readable } from 'node:stream'
import type { Context, Next } from 'hono'
import { getMimeType, mimes } from 'hono/utils/mime'
import { answer } from '../http/answer/answer-headers.ts'
import { matchesEtag } from '../http/answer/json-body.ts'
import { splitUrl } from '../http/request/path-segments.ts'
import { requestHeader } from '../http/request/request-header.ts'
import { sendEmpty } from '../http/answer/send-json.ts'

const TEXT = '; charset=utf-8'
// Hono's table, with a charset on the JSON types (they are text) and Markdown, which it lacks.
const TYPES: Readonly<Record<string, string>> = {
  ...mimes,
  json: `application/json${TEXT}`,
  map: `application/json${TEXT}`,
  webmanifest: `application/manifest+json${TEXT}`,
  md: `text/markdown${TEXT}`,
}

/** The `Content-Type` of a static file, by its extension. */
export function staticContentType(path: string): string {
  return getMimeType(path.toLowerCase(), TYPES) ?? 'application/octet-stream'
}

/**
 * The URL path's segments, decoded, when every one is a plain file or folder name: no empty,
 * `.`-prefixed (so no `..` and no dotfiles), slash, backslash, colon or NUL holding segment.
 * A path ending in `/` asks for that folder's `index.html`.
 */
export function staticSegments(pathname: string): string[] | undefined {
  const raw = pathname.split('/').slice(1)
  if (raw.at(-1) === '') raw[raw.length - 1] = 'index.html'
  const segments: string[] = []
  for (const part of raw) {
    let name: string
    try {
      name = decodeURIComponent(part)
    } catch {
      return undefined
    }
    if (name === '' || name.startsWith('.') || /[/\\:\0]/.test(name)) return undefined
    segments.push(name)
  }
  return segments
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

export type StaticTarget =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'folder' }

/**
 * Where a URL path leads inside `root`: a regular file whose real path (symlinks resolved) is
 * inside the real `root`, a folder holding an `index.html`, or `undefined`.
 */
export async function resolveStaticPath(
  root: string,
  pathname: string,
): Promise<StaticTarget | undefined> {
  const segments = staticSegments(pathname)
  if (segments === undefined || segments.length === 0) return undefined
  try {
    const realRoot = await realpath(root)
    const wanted = join(realRoot, ...segments)
    if (!inside(realRoot, wanted)) return undefined
    const real = await realpath(wanted)
    if (!inside(realRoot, real)) return undefined
    const stats = await stat(real)
    if (stats.isFile()) return { kind: 'file', path: real }
    if (!stats.isDirectory()) return undefined
    const index = await resolveStaticPath(root, `${pathname}/`)
    return index?.kind === 'file' ? { kind: 'folder' } : undefined
  } catch {
    return undefined
  }
}

/**
 * Serves GET and HEAD from the files of `root` for the paths no route answered; anything else
 * (a missing file, a path leaving the folder) goes on to the JSON 404.
 */
export function staticFiles(root: string): (c: Context, next: Next) => Promise<Response> {
  return async (c, next) => {
    const { pathname, search } = splitUrl(c.req.url)
    const target = await resolveStaticPath(root, pathname)
    if (target === undefined) return next().then(() => c.res)
    if (target.kind === 'folder') return sendEmpty(c, 301, { Location: `${pathname}/${search}` })
    return (await sendFile(c, target.path)) ?? next().then(() => c.res)
  }
}

// `undefined` when the file went away since it was found.
async function sendFile(c: Context, path: string): Promise<Response | undefined> {
  // Size and validators come from the open file, so they describe the bytes sent.
  const handle = await open(path, 'r').catch(() => undefined)
  if (handle === undefined) return undefined
  let sending = false
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) return undefined
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`
    const headers = {
      ETag: etag,
      'Last-Modified': stats.mtime.toUTCString(),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    }
    if (matchesEtag(requestHeader(c, 'if-none-match'), etag)) return sendEmpty(c, 304, headers)
    const typed = {
      ...headers,
      'Content-Type': staticContentType(path),
      'Content-Length': String(stats.size),
    }
    if (c.req.method === 'HEAD') return sendEmpty(c, 200, typed)
    const stream = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>
    sending = true
    return answer(c, stream, 200, typed)
  } finally {
    if (!sending) await handle.close()
  }
}
