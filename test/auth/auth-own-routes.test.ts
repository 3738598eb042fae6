import { afterEach, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'
import { USER, authMock } from './json-server-auth.ts'

// The route table lists json-server-auth's routes: what answers, the 405s, the OpenAPI document
// and the homepage all read them there.
let mock: Mock | undefined
afterEach(() => mock?.close())

type Document = { paths: Record<string, Record<string, { operationId?: string }>> }

it('answers another method on a log-in path with 405 and Allow, aliases too', async () => {
  mock = await authMock({ users: [], posts: [] })
  for (const path of ['/login', '/signin', '/register', '/signup']) {
    const response = await send(mock, 'GET', path)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST, OPTIONS')
    expect(await json(response)).toEqual({
      error: 'GET is not allowed here. Allowed: POST, OPTIONS.',
    })
  }
  const inSession = await send(mock, 'DELETE', '/_sessions/s1/login')
  expect(inSession.status).toBe(405)
  expect(inSession.headers.get('allow')).toBe('POST, OPTIONS')
  // Without auth they are no route at all
  const plain = await memoryMock({ schema: { posts: [] } })
  const absent = await send(plain, 'GET', '/login')
  expect(absent.status).toBe(404)
  expect(await json(absent)).toEqual({ error: 'The requested resource was not found: /login.' })
  await plain.close()
})

it('leaves a path to a resource of that name: a resource called login keeps its routes', async () => {
  mock = await authMock({ users: [], login: [{ id: 1, at: 'home' }] })
  const list = await send(mock, 'GET', '/login')
  expect(list.status).toBe(200)
  expect(await json(list)).toEqual([{ id: 1, at: 'home' }])
  const created = await send(mock, 'POST', '/login', { at: 'work' })
  expect(created.status).toBe(201)
  expect(await json(created)).toEqual({ id: 2, at: 'work' })
  // Registration and the other log-in path still work
  const registered = await send(mock, 'POST', '/signup', USER)
  expect(registered.status).toBe(201)
  const login = await send(mock, 'POST', '/signin', { email: USER.email, password: USER.password })
  expect(login.status).toBe(200)
  const document = (await json(await send(mock, 'GET', '/openapi.json'))) as Document
  expect(Object.keys(document.paths['/login'] ?? {})).toEqual(['get', 'post'])
  expect(document.paths['/login']?.['post']?.operationId).toBe('createLogin')
  expect(document.paths['/signin']?.['post']?.operationId).toBe('login')
  expect(document.paths['/register']?.['post']?.operationId).toBe('register')
  const html = await (await send(mock, 'GET', '/')).text()
  expect(html).toContain('and <code>POST /signin</code> take')
})

it('gives the homepage the auth routes under the API prefix', async () => {
  mock = await memoryMock({
    schema: { users: [], posts: [] },
    auth: { rules: {}, hashCost: 4 },
    base: '/api',
  })
  const home = (await json(
    await send(mock, 'GET', '/api', undefined, { Accept: 'application/json' }),
  )) as { auth: { register: string; login: string } }
  expect([home.auth.register, home.auth.login]).toEqual(['/api/register', '/api/login'])
  const html = await (await send(mock, 'GET', '/api')).text()
  expect(html).toContain(
    '<p><code>POST /api/register</code> (or <code>POST /api/users</code>) and <code>POST /api/login</code> take',
  )
  const login = await send(mock, 'POST', '/api/register', USER)
  expect(login.status).toBe(201)
})
