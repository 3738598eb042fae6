import { validate } from '@readme/openapi-parser'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prefersJson } from '../../src/http/request/prefers-json.ts'
import { exampleItem } from '../../src/http/surface/surface-pages.ts'
import { buildOpenApi } from '../../src/openapi/build-openapi.ts'
import { DOCS_ASSET_NAMES, docsAssetPath } from '../../src/node/docs-assets.ts'
import { renderDocsPage } from '../../src/pages/docs-page.ts'
import { VERSION } from '../../src/version.ts'
import type { Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, JSONPLACEHOLDER_ROWS, json, memoryMock, send } from '../helpers.ts'
import { LIVE_CHANGES_HASH } from '../../src/pages/live-changes.ts'

const LIBRARY = new URL('../fixtures/library.json', import.meta.url).pathname
const NOT_FOUND = (path: string) => ({ error: `The requested resource was not found: ${path}.` })

let mock: Mock
let library: Mock
beforeAll(async () => {
  mock = await memoryMock({ schema: JSONPLACEHOLDER })
  library = await memoryMock({ schema: LIBRARY })
})
afterAll(async () => {
  await mock.close()
  await library.close()
})

async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await json(response) }
}

describe('prefersJson', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['text/html', false],
    ['text/plain', false],
    ['application/json', true],
    ['APPLICATION/JSON', true],
    ['application/*', true],
    ['application/json, text/plain, */*', true],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', false],
    ['text/html;q=0.5, application/json', true],
    ['application/json;q=0.5, text/html', false],
    ['application/json;q=0, */*', false],
    ['application/json;q=0.9, text/html;q=0.9', false],
    ['application/json; charset=utf-8', true],
    ['application/json;q=bad, text/html;q=0.1', true],
    ['application/json;q=2', true],
    ['application/json;q=0.4, text/html;q=0.5', false],
    ['nonsense, application/json', true],
  ])('%j -> %s', (accept, expected) => {
    expect(prefersJson(accept)).toBe(expected)
  })
})

describe('GET /', () => {
  it('is the HTML homepage by default, with every resource and its count', async () => {
    const response = await send(mock, 'GET', '/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('vary')).toBe('Origin, Accept')
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
        `script-src ${LIVE_CHANGES_HASH}; connect-src 'self'; base-uri 'none'; form-action 'none'`,
    )
    const html = await response.text()
    expect(html.startsWith('<!doctype html>')).toBe(true)
    const rows = [
      ...html.matchAll(
        /<th scope="row"><a href="([^"]+)">[^<]+<\/a><\/th>\n<td class="count">([^<]+)/g,
      ),
    ]
    expect(rows.map(([, href, count]) => [href, count])).toEqual(JSONPLACEHOLDER_ROWS)
    expect(html).toContain(`fauxrest ${VERSION} at <code>http://localhost</code>`)
    expect(html).toContain('<dt>Database</dt><dd>in memory</dd>')
  })

  it.each([
    ['application/json', '/'],
    ['application/json, text/plain, */*', '/'],
    ['text/html', '/?format=json'],
    [undefined, '/?format=json'],
  ])('is JSON for Accept %j on %s', async (accept, path) => {
    const headers: Record<string, string> = accept === undefined ? {} : { Accept: accept }
    const response = await send(library, 'GET', path, undefined, headers)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('vary')).toBe('Origin, Accept')
    expect(await answer(response)).toEqual({
      status: 200,
      body: {
        name: 'fauxrest',
        version: VERSION,
        url: 'http://localhost',
        resources: [
          {
            name: 'authors',
            url: '/authors',
            count: 2,
            routes: ['GET POST /authors', 'GET PUT PATCH DELETE /authors/:id'],
          },
          {
            name: 'books',
            url: '/books',
            count: 4,
            routes: [
              'GET POST /books',
              'GET PUT PATCH DELETE /books/:id',
              'GET POST /authors/:authorId/books',
              'GET PUT PATCH DELETE /authors/:authorId/books/:bookId',
            ],
          },
        ],
        links: {
          docs: '/docs',
          openapi: '/openapi.json',
          db: '/db',
          reset: '/_reset',
          sessions: '/_sessions',
          events: '/_events',
        },
        options: { readOnly: false, fakeWrites: false, delay: null, cors: true, db: 'in memory' },
      },
    })
  })

  it('is HTML for ?format=html whatever the Accept header says', async () => {
    const response = await send(library, 'GET', '/?format=html', undefined, {
      Accept: 'application/json',
    })
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it('shows the server options', async () => {
    const modes = await memoryMock({
      schema: LIBRARY,
      readOnly: true,
      delay: { min: 0, max: 0 },
      cors: false,
    })
    const page = await (
      await send(modes, 'GET', '/', undefined, { Accept: 'application/json' })
    ).json()
    expect(page).toMatchObject({
      options: {
        readOnly: true,
        fakeWrites: false,
        delay: { min: 0, max: 0 },
        cors: false,
        db: 'in memory',
      },
    })
    const html = await (await send(modes, 'GET', '/')).text()
    expect(html).toContain('<dt>Read-only</dt><dd>on: every write answers 405</dd>')
    expect(html).toContain('<dt>CORS</dt><dd>off</dd>')
    await modes.close()
  })

  it('follows the data: counts change after a write, and with them the ETag', async () => {
    const fresh = await memoryMock({ schema: LIBRARY })
    const before = await send(fresh, 'GET', '/')
    const etag = before.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect((await send(fresh, 'GET', '/', undefined, { 'If-None-Match': etag })).status).toBe(304)
    expect((await send(fresh, 'POST', '/books', { authorId: 1, title: 'new' })).status).toBe(201)
    const after = await send(fresh, 'GET', '/', undefined, { 'If-None-Match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(await after.text()).toContain('<td class="count">5</td>')
    const page = await (await send(fresh, 'GET', '/?format=json')).json()
    expect(page).toMatchObject({ resources: [{ count: 2 }, { count: 5 }] })
    await fresh.close()
  })

  it('uses the origin the client asked for in its examples', async () => {
    const response = await library.app.request('http://192.0.2.7:4000/')
    expect(await response.text()).toContain(`curl -X POST &#39;http://192.0.2.7:4000/authors&#39;`)
  })
})

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document with examples from the data', async () => {
    const response = await send(mock, 'GET', '/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const document = (await response.json()) as Record<string, unknown>
    expect(document).toEqual(
      buildOpenApi(mock.schema, { examples: (name) => exampleItem(mock.store, name) }),
    )
    expect(document['servers']).toBeUndefined()
    const result = await validate(structuredClone(document) as never)
    expect(result).toMatchObject({ valid: true, warnings: [] })
  })

  it('changes its examples when the data change, and keeps its ETag while they do not', async () => {
    const fresh = await memoryMock({ schema: LIBRARY })
    const example = async (): Promise<unknown> => {
      const document = (await (await send(fresh, 'GET', '/openapi.json')).json()) as {
        paths: Record<string, { get: { responses: Record<string, unknown> } }>
      }
      return document.paths['/books/{id}']?.get.responses['200']
    }
    const etag = (await send(fresh, 'GET', '/openapi.json')).headers.get('etag') ?? ''
    expect((await send(fresh, 'GET', '/openapi.json')).headers.get('etag')).toBe(etag)
    await send(fresh, 'PATCH', '/books/1', { title: 'Changed' })
    expect(await example()).toMatchObject({
      content: { 'application/json': { example: { id: 1, authorId: 1, title: 'Changed' } } },
    })
    expect((await send(fresh, 'GET', '/openapi.json')).headers.get('etag')).not.toBe(etag)
    await fresh.close()
  })

  it('documents the DELETE answer the server gives', async () => {
    const items = await memoryMock({ schema: LIBRARY, deleteMode: 'no-content' })
    const document = (await (await send(items, 'GET', '/openapi.json')).json()) as {
      paths: Record<string, { delete?: { responses: Record<string, unknown> } }>
    }
    expect(Object.keys(document.paths['/books/{id}']?.delete?.responses ?? {})).toContain('204')
    await items.close()
  })
})

describe('GET /docs', () => {
  it('is the Swagger UI page on /openapi.json with local assets', async () => {
    const response = await send(mock, 'GET', '/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toBe(
      renderDocsPage({ specUrl: '/openapi.json', assetBase: '/docs/assets' }),
    )
  })

  it('sends /docs/ to /docs', async () => {
    const response = await send(mock, 'GET', '/docs/')
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe('/docs')
  })

  it.each(DOCS_ASSET_NAMES.map((name) => [name]))(
    'serves the asset %s byte for byte, with its type, ETag and 304',
    async (name) => {
      const response = await send(mock, 'GET', `/docs/assets/${name}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^(text\/(css|javascript)|image\/png)/)
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400')
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect(Buffer.from(bytes).equals(await readFile(docsAssetPath(name) ?? ''))).toBe(true)
      const etag = response.headers.get('etag') ?? ''
      const again = await send(mock, 'GET', `/docs/assets/${name}`, undefined, {
        'If-None-Match': etag,
      })
      expect(again.status).toBe(304)
    },
  )

  it.each([
    '/docs/assets/index.html',
    '/docs/assets/package.json',
    '/docs/assets/..%2Fpackage.json',
    '/docs/assets/..%2F..%2F..%2Fpackage.json',
    '/docs/assets/%2Fetc%2Fpasswd',
    '/docs/assets/swagger-ui.css%00',
    '/docs/assets/SWAGGER-UI.CSS',
    '/docs/assets/__proto__',
  ])('answers %s with the JSON 404', async (path) => {
    expect(await answer(await send(mock, 'GET', path))).toEqual({
      status: 404,
      body: NOT_FOUND(path),
    })
  })

  it.each([
    ['POST', '/docs'],
    ['PUT', '/openapi.json'],
    ['DELETE', '/docs/assets/swagger-ui.css'],
  ])('answers %s %s with 405 and Allow', async (method, path) => {
    const response = await send(mock, method, path)
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(await answer(response)).toEqual({
      status: 405,
      body: { error: `${method} is not allowed here. Allowed: GET, HEAD, OPTIONS.` },
    })
  })

  it.each(['/', '/docs', '/openapi.json', '/docs/assets/swagger-ui.css'])(
    'answers HEAD %s with the headers of GET and no body',
    async (path) => {
      const get = await send(mock, 'GET', path)
      const head = await send(mock, 'HEAD', path)
      expect(head.status).toBe(200)
      expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(get.headers))
      expect(await head.text()).toBe('')
    },
  )
})
