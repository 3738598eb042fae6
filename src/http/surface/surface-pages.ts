import type { JsonObject } from '../../json.ts'
import type { AuthConfig } from '../../auth/auth-config.ts'
import { authOverview } from '../../auth/auth-overview.ts'
import type { OperationLine } from '../../openapi-import/operation-lines.ts'
import { buildOpenApi } from '../../openapi/build-openapi.ts'
import { withBearerSecurity } from '../../openapi/bearer-security.ts'
import { homepageJson } from '../../pages/homepage-json.ts'
import { type HomepageInfo, renderHomepage } from '../../pages/homepage.ts'
import type { Store } from '../../store/store.ts'
import { VERSION } from '../../version.ts'
import type { OwnFeatures } from '../../routes/own-routes.ts'
import type { AppOptions } from '../../app-options.ts'
import { type JsonBody, toJsonBody } from '../answer/json-body.ts'
import { type Page, textPage } from '../answer/send-page.ts'

/** The documents built from the data: rebuilt only when the data (or the asking origin) change. */
export type SurfacePages = {
  readonly openApi: () => JsonBody
  readonly homepageHtml: (origin: string) => Page
  readonly homepageJson: (origin: string) => JsonBody
}

/** The first item of a resource (the object of a singular one): the example the documents show. */
export function exampleItem(store: Store, resource: string): JsonObject | undefined {
  const spec = store.schema.resources.get(resource)
  if (spec === undefined) return undefined
  return spec.singular ? store.single(resource) : store.list(resource)[0]
}

// One entry: the key is the store version (and origin), which changes with every write.
function memo<T>(build: (origin: string) => T): (version: number, origin: string) => T {
  let last: { key: string; value: T } | undefined
  return (version, origin) => {
    const key = `${version} ${origin}`
    if (last?.key !== key) last = { key, value: build(origin) }
    return last.value
  }
}

export function surfacePages(
  store: Store,
  options: AppOptions,
  auth?: AuthConfig,
  operations?: readonly OperationLine[],
  features: OwnFeatures = {},
): SurfacePages {
  const examples = (resource: string): JsonObject | undefined => exampleItem(store, resource)
  const info = (origin: string): HomepageInfo => ({
    version: VERSION,
    baseUrl: origin,
    basePath: options.base,
    schema: store.schema,
    counts: (resource) => store.list(resource).length,
    examples,
    options: {
      readOnly: options.readOnly,
      fakeWrites: options.fakeWrites,
      delay: options.delay,
      cors: options.cors,
      // The file name only: the page may be seen from other machines.
      db: store.file === undefined ? 'in memory' : (store.file.split(/[/\\]/).pop() ?? ''),
    },
    operations,
    // Generated users have known passwords only when the schema declares auth.
    auth:
      auth === undefined
        ? undefined
        : authOverview(auth, store.list(auth.users), store.schema.auth !== undefined),
  })
  const openApi = memo(() => {
    const document = buildOpenApi(store.schema, {
      examples,
      deleteMode: options.deleteMode,
      features,
      // Relative to the document, which is under the prefix too: /docs sends requests there.
      ...(options.base === '' ? {} : { serverUrl: options.base }),
    })
    return toJsonBody(
      auth === undefined ? document : withBearerSecurity(document, auth, store.schema),
    )
  })
  const html = memo((origin) => textPage(renderHomepage(info(origin)), 'text/html; charset=utf-8'))
  const json = memo((origin) => toJsonBody(homepageJson(info(origin))))
  return {
    openApi: () => openApi(store.version, ''),
    homepageHtml: (origin) => html(store.version, origin),
    homepageJson: (origin) => json(store.version, origin),
  }
}
