import { build, type Plugin } from 'esbuild'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers.ts'

const ROOT = new URL('../..', import.meta.url).pathname

// bcryptjs (auth's passwords) takes the Web Crypto API first and imports Node's `crypto` only as a
// fallback; its package.json marks that import `false` for browsers, which a neutral build must
// say itself. Every other import has to resolve without Node.
const noNodeCryptoFallback: Plugin = {
  name: 'no-node-crypto-fallback',
  setup(builder) {
    builder.onResolve({ filter: /^crypto$/ }, () => ({ path: 'crypto', namespace: 'empty' }))
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {}' }))
  },
}

type AppModule = {
  parseSchema(json: unknown): unknown
  createMemoryStore(options: { schema: unknown; seed?: number }): Promise<unknown>
  createApp(options: { schema: unknown; store: unknown; readOnly?: boolean }): {
    fetch(request: Request): Response | Promise<Response>
  }
}

const SCHEMA = {
  seed: 7,
  resources: {
    users: { count: 3, fields: { name: 'person.fullName' } },
    posts: { count: 5, fields: { userId: { ref: 'users' }, title: 'lorem.sentence' } },
  },
}

describe('fauxrest/app bundled for a neutral platform (no Node built-ins)', () => {
  let folder: { path: string; remove: () => Promise<void> }
  let bundle: AppModule
  let inputs: string[]

  beforeAll(async () => {
    folder = await tempDir()
    const result = await build({
      stdin: { contents: "export * from 'fauxrest/app'", resolveDir: ROOT, loader: 'js' },
      bundle: true,
      platform: 'neutral',
      format: 'esm',
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [noNodeCryptoFallback],
    })
    inputs = Object.keys(result.metafile.inputs)
    const file = join(folder.path, 'app.mjs')
    await writeFile(file, result.outputFiles[0]?.contents ?? new Uint8Array())
    bundle = (await import(file)) as AppModule
  }, 60_000)
  afterAll(() => folder.remove())

  it('holds none of the Node-only code', () => {
    expect(inputs.filter((input) => /(^|\/)src\/(node|cli|watch)\//.test(input))).toEqual([])
    expect(inputs.filter((input) => input.includes('@hono/node-server'))).toEqual([])
    expect(
      inputs.filter((input) => input.includes('dist/store/') && /atomic|file/.test(input)),
    ).toEqual([])
  })

  it('serves a schema from memory: lists, nested lists, writes and the OpenAPI document', async () => {
    const schema = bundle.parseSchema(SCHEMA)
    const store = await bundle.createMemoryStore({ schema, seed: 7 })
    const app = bundle.createApp({ schema, store })
    const request = (path: string, init?: RequestInit): Promise<Response> =>
      Promise.resolve(app.fetch(new Request(`http://worker.test${path}`, init)))

    const users = await request('/users')
    expect(users.status).toBe(200)
    const listed = (await users.json()) as { id: number; name: string }[]
    expect(listed.map((user) => user.id)).toEqual([1, 2, 3])

    const created = await request('/users/1/posts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'From the edge' }),
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe('/posts/6')
    expect(await created.json()).toEqual({ id: 6, userId: 1, title: 'From the edge' })

    const nested = (await (await request('/users/1/posts')).json()) as { id: number }[]
    expect(nested.map((post) => post.id)).toContain(6)
    expect((await request('/posts/6')).headers.get('etag')).toMatch(/^"[0-9a-f]{16}"$/)

    const document = (await (await request('/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(document.paths)).toContain('/users/{userId}/posts')
    const missing = await request('/nothing')
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { error: 'The requested resource was not found: /nothing.' },
    ])
  })

  it('refuses an invalid schema with the issues check reports', () => {
    expect(() =>
      bundle.parseSchema({ resources: { posts: { fields: { userId: { ref: 'nobody' } } } } }),
    ).toThrow('schema: invalid schema')
  })
})
