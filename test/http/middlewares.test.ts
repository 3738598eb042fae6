import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Middleware, Mock } from '../../src/index.ts'
import { UserError } from '../../src/errors.ts'
import { loadMiddlewares } from '../../src/node/load-middlewares.ts'
import { json, memoryMock, send, tempDir } from '../helpers.ts'

const posts = [{ id: 1, title: 'one' }]

let mock: Mock
afterEach(() => mock.close())

async function open(...middlewares: Middleware[]): Promise<Mock> {
  mock = await memoryMock({ schema: { posts }, middlewares })
  return mock
}

describe('middlewares', () => {
  it('run in order before the router, and their headers reach the answer', async () => {
    const order: string[] = []
    await open(
      async (c, next) => {
        order.push('first')
        c.header('X-Hello', 'World')
        await next()
      },
      async (c, next) => {
        order.push('second')
        await next()
        c.header('X-Konnichiwa', 'Sekai')
      },
    )
    const response = await send(mock, 'GET', '/posts/1')
    expect(response.status).toBe(200)
    expect(response.headers.get('x-hello')).toBe('World')
    expect(response.headers.get('x-konnichiwa')).toBe('Sekai')
    expect(await json(response)).toEqual(posts[0])
    expect(order).toEqual(['first', 'second'])
  })

  it('see the parsed body, which the router still reads', async () => {
    await open(async (c, next) => {
      const body = (await c.req.json()) as { title?: string }
      c.header('X-Title', body.title ?? '')
      await next()
    })
    const response = await send(mock, 'POST', '/posts', { title: 'two' })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-title')).toBe('two')
    expect(await json(response)).toEqual({ title: 'two', id: 2 })
  })

  it('may answer by themselves, with CORS headers as any answer', async () => {
    await open(async (c, next) =>
      c.req.header('authorization') === undefined ? c.json({ error: 'Unauthorized' }, 401) : next(),
    )
    const refused = await send(mock, 'GET', '/posts', undefined, { Origin: 'http://app.test' })
    expect(refused.status).toBe(401)
    expect(await json(refused)).toEqual({ error: 'Unauthorized' })
    expect(refused.headers.get('access-control-allow-origin')).not.toBeNull()
    const allowed = await send(mock, 'GET', '/posts', undefined, { Authorization: 'Bearer x' })
    expect(allowed.status).toBe(200)
    expect(mock.store.list('posts')).toEqual(posts)
  })

  it('run once for a path that falls through to the 404', async () => {
    let calls = 0
    await open(async (_c, next) => {
      calls++
      await next()
    })
    expect((await send(mock, 'GET', '/nothing/here')).status).toBe(404)
    expect(calls).toBe(1)
  })
})

describe('loadMiddlewares', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => {
    dir = await tempDir()
  })
  afterEach(() => dir.remove())

  it('imports ES modules and CommonJS modules, one middleware or several', async () => {
    await writeFile(
      join(dir.path, 'en.mjs'),
      "export default async (c, next) => { c.header('X-Hello', 'World'); await next() }\n",
    )
    await writeFile(
      join(dir.path, 'both.cjs'),
      'module.exports = [async (c, next) => next(), async (c, next) => next()]\n',
    )
    const loaded = await loadMiddlewares(['en.mjs', 'both.cjs'], dir.path)
    expect(loaded).toHaveLength(3)
    expect(loaded.every((middleware) => typeof middleware === 'function')).toBe(true)
  })

  it.each([
    [
      'express.cjs',
      'module.exports = (req, res, next) => next()\n',
      `--middlewares express.cjs: exports an Express middleware (req, res, next); fauxrest runs Hono middleware (c, next) => …, see the README's "json-server flags"`,
    ],
    [
      'object.mjs',
      'export default { hello: 1 }\n',
      '--middlewares object.mjs: must export a middleware function (c, next) => …, not object',
    ],
  ])('refuses %s in one line', async (name, text, message) => {
    await writeFile(join(dir.path, name), text)
    const error = await loadMiddlewares([name], dir.path).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).message).toBe(message)
  })

  it('names a file it cannot load', async () => {
    const error = await loadMiddlewares(['missing.js'], dir.path).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).message).toMatch(/^--middlewares missing\.js: cannot load it: /)
  })
})
