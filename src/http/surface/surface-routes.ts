import type { Context } from 'hono'
import { renderDocsPage } from '../../pages/docs-page.ts'
import type { Store } from '../../store/store.ts'
import type { AppOptions } from '../../app-options.ts'
import type { JsonValue } from '../../json.ts'
import { etagOf, toJsonBody, type JsonBody } from '../answer/json-body.ts'
import { splitUrl } from '../request/path-segments.ts'
import { notFound } from '../routing/not-found.ts'
import { prefersJson } from '../request/prefers-json.ts'
import type { AssetSource, Route } from '../route.ts'
import { requestHeader } from '../request/request-header.ts'
import { sendEmpty, sendJson } from '../answer/send-json.ts'
import { type Page, sendPage, textPage } from '../answer/send-page.ts'
import type { AuthConfig } from '../../auth/auth-config.ts'
import { surfacePages } from './surface-pages.ts'
import type { OperationLine } from '../../openapi-import/operation-lines.ts'
import { atBase } from '../../routes/base-path.ts'
import type { OwnFeatures } from '../../routes/own-routes.ts'
import { LIVE_CHANGES_HASH } from '../../pages/live-changes.ts'

export type SurfaceDeps = {
  readonly store: Store
  readonly options: AppOptions
  readonly docsAssets: AssetSource | undefined
  /** The user's OpenAPI document, served instead of the generated one. */
  readonly document?: Readonly<Record<string, unknown>> | undefined
  /** Auth, when on: the generated document declares its bearer scheme and guarded operations. */
  readonly auth?: AuthConfig | undefined
  /** The optional own routes that are on, for the generated document. */
  readonly features?: OwnFeatures
  /** The user's document's operations, which the homepage lists. */
  readonly operations?: readonly OperationLine[] | undefined
}

const HTML = 'text/html; charset=utf-8'
// The homepage loads nothing: its inline style sheet, and its one script (by hash), which listens
// to the change feed on the same origin.
const HOMEPAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
  `script-src ${LIVE_CHANGES_HASH}; connect-src 'self'; base-uri 'none'; form-action 'none'`

export type SurfaceRoute = 'home' | 'openapi' | 'docs' | 'docs-slash' | 'docs-asset'

/**
 * fauxrest's own pages: `GET /` (HTML, or JSON for clients that ask for it), `GET /openapi.json`,
 * `GET /docs` (Swagger UI) and `GET /docs/assets/{name}` (its files, as the host provides them).
 */
export function surfaceHandlers(deps: SurfaceDeps): Record<SurfaceRoute, Route> {
  const pages = surfacePages(deps.store, deps.options, deps.auth, deps.operations, deps.features)
  const { base } = deps.options
  let docs: Page | undefined
  const docsAsset = cachedAssets(deps.docsAssets)
  // One origin at a time: a Host header is the client's to choose, so nothing grows with them.
  let served: { origin: string; body: JsonBody } | undefined
  return {
    home: (c) => {
      const origin = `${new URL(c.req.url).origin}${base}`
      const vary = { Vary: 'Accept' }
      if (wantsJson(c)) return sendJson(c, pages.homepageJson(origin), 200, vary)
      return sendPage(c, pages.homepageHtml(origin), {
        ...vary,
        'Content-Security-Policy': HOMEPAGE_POLICY,
      })
    },
    openapi: (c) => {
      if (deps.document === undefined) return sendJson(c, pages.openApi())
      const origin = `${new URL(c.req.url).origin}${base}`
      if (served?.origin !== origin) {
        served = { origin, body: toJsonBody(withServer(deps.document, origin) as JsonValue) }
      }
      return sendJson(c, served.body)
    },
    docs: (c) => {
      docs ??= textPage(
        renderDocsPage({
          specUrl: atBase(base, '/openapi.json'),
          assetBase: atBase(base, '/docs/assets'),
        }),
        HTML,
      )
      return sendPage(c, docs)
    },
    'docs-slash': (c) => sendEmpty(c, 301, { Location: atBase(base, '/docs') }),
    'docs-asset': async (c) => {
      const asset = await docsAsset(c.req.param('name') ?? '')
      if (asset === undefined) throw notFound(splitUrl(c.req.url).pathname)
      return sendPage(c, asset, { 'Cache-Control': 'public, max-age=86400' })
    },
  }
}

function wantsJson(c: Context): boolean {
  const format = c.req.query('format')
  if (format === 'json') return true
  if (format === 'html') return false
  return prefersJson(requestHeader(c, 'accept'))
}

// The assets do not change while the server runs: each is read once per app.
function cachedAssets(
  source: AssetSource | undefined,
): (name: string) => Promise<Page | undefined> {
  const assets = new Map<string, Promise<Page | undefined>>()
  return (name) => {
    if (source === undefined) return Promise.resolve(undefined)
    let asset = assets.get(name)
    if (asset === undefined) {
      asset = source(name).then(
        (file) => file && { body: file.body, etag: etagOf(file.body), type: file.type },
      )
      // A failed read is not remembered: the next request tries again.
      asset.catch(() => assets.delete(name))
      assets.set(name, asset)
    }
    return asset
  }
}

/** The user's document with this server first among its `servers`, so /docs sends requests here. */
function withServer(
  document: Readonly<Record<string, unknown>>,
  origin: string,
): Record<string, unknown> {
  const servers = Array.isArray(document['servers']) ? document['servers'] : []
  return { ...document, servers: [{ url: origin, description: 'fauxrest' }, ...servers] }
}
