import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFakerCatalog } from '../../src/generate/faker-catalog.ts'
import type { Mock } from '../../src/index.ts'
import { parseSchema } from '../../src/schema/parse-schema.ts'
import { json, memoryMock, send } from '../helpers.ts'
import { bearer } from './json-server-auth.ts'
import { nestingProblems } from '../pages/homepage-fixture.ts'

const SCHEMA = {
  seed: 1,
  auth: { users: 'users', login: 'username' },
  resources: {
    users: { count: 3, fields: { username: { faker: 'internet.username', unique: true } } },
    notes: {
      count: 6,
      access: { read: 'owner', write: 'owner' },
      fields: { userId: { ref: 'users' }, text: 'lorem.word' },
    },
    posts: { count: 3, access: 644, fields: { userId: { ref: 'users' }, title: 'lorem.word' } },
  },
}

let mock: Mock
beforeEach(async () => {
  mock = await memoryMock({ schema: SCHEMA, auth: { hashCost: 4 } })
})
afterEach(() => mock.close())

async function logIn(username: string, password = username): Promise<Record<string, string>> {
  const response = await send(mock, 'POST', '/login', { username, password })
  expect(response.status).toBe(200)
  return bearer(((await json(response)) as { accessToken: string }).accessToken)
}

const username = (id: number): string => String(mock.store.get('users', String(id))?.['username'])

describe('auth declared in the schema', () => {
  it('gives generated users their username as password, and serves "my items"', async () => {
    const headers = await logIn(username(2))
    const response = await send(mock, 'GET', '/notes?_page=1&_limit=10', undefined, headers)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-total-count')).toBe('2')
    const mine = (await json(response)) as { userId: number }[]
    expect(mine.map((note) => note.userId)).toEqual([2, 2])
    expect(await json(await send(mock, 'GET', '/users/2/notes', undefined, headers))).toEqual(mine)
    expect((await send(mock, 'GET', '/users/1/notes', undefined, headers)).status).toBe(200)
    expect(await json(await send(mock, 'GET', '/users/1/notes', undefined, headers))).toEqual([])
    expect((await send(mock, 'GET', '/notes')).status).toBe(401)
    expect((await send(mock, 'GET', '/notes/1', undefined, headers)).status).toBe(403)
  })

  it('reads the login field the schema names, and stores passwords hashed', async () => {
    const wrong = await send(mock, 'POST', '/login', { username: username(1), password: 'nope' })
    expect(wrong.status).toBe(400)
    expect(mock.store.get('users', '1')?.['password']).toMatch(/^\$2b\$04\$/)
    expect(await json(await send(mock, 'GET', '/users/1'))).toEqual({
      id: 1,
      username: username(1),
    })
    const created = await send(mock, 'POST', '/register', { username: 'newbie', password: 'abcd' })
    expect(created.status).toBe(201)
    expect(((await json(created)) as { user: unknown }).user).toEqual({ id: 4, username: 'newbie' })
  })

  it('follows the rule on writes: 644 lets anyone read, only the owner write', async () => {
    expect((await send(mock, 'GET', '/posts/1')).status).toBe(200)
    const headers = await logIn(username(3))
    const created = await send(mock, 'POST', '/posts', { title: 'mine' }, headers)
    expect(await json(created)).toEqual({ userId: 3, title: 'mine', id: 4 })
    expect((await send(mock, 'DELETE', '/posts/1', undefined, headers)).status).toBe(403)
  })

  it('generates the same hashes for the same seed', async () => {
    const again = await memoryMock({ schema: SCHEMA })
    expect(again.store.list('users')).toEqual(mock.store.list('users'))
    await again.close()
  })

  it('reports an owner rule without a ref to the users, and unknown access levels', () => {
    const result = parseSchema(
      {
        auth: {},
        resources: {
          users: { fields: { email: 'internet.email' } },
          notes: { access: { read: 'owner', write: 'someone' }, fields: { text: 'lorem.word' } },
          tags: { access: { read: 'owner' }, fields: { text: 'lorem.word' } },
        },
      },
      createFakerCatalog(),
    )
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'resources.notes.access.write',
          message: 'must be one of "anyone", "logged-in", "owner", "nobody"',
        },
        {
          path: 'resources.tags.access',
          message: '"owner" needs a field with { "ref": "users" } to name the owner',
        },
      ],
    })
  })
})

describe('the banner', () => {
  it('says how to log in, each rule, and the generated users’ passwords', async () => {
    const { renderBanner } = await import('../../src/cli/render-banner.ts')
    const banner = renderBanner(mock, {
      version: '0.0.0',
      file: 'schema.json',
      db: ':memory:',
      url: 'http://127.0.0.1:3000',
      color: false,
    })
    const first = username(1)
    expect(banner).toContain(
      [
        '  Auth: POST /register, POST /login with username and password; send Authorization: Bearer <accessToken>',
        '  notes: read owner, write owner (600)',
        '  posts: read anyone, write owner (644)',
        `  Generated users log in with their username as password, e.g. ${first} / ${first.padEnd(4, '0')}`,
      ].join('\n'),
    )
  })
})

describe('the homepage', () => {
  it('shows the rules and the demo users with their passwords, who can log in with them', async () => {
    const html = await (await send(mock, 'GET', '/', undefined, { Accept: 'text/html' })).text()
    expect(html).toContain('<h2 id="auth">Log in</h2>')
    expect(nestingProblems(html)).toEqual([])
    expect(html).toContain(
      '<tr><th scope="row">/notes</th><td>owner</td><td>owner</td><td>600</td></tr>',
    )
    expect(html).toContain(
      '<tr><th scope="row">/posts</th><td>anyone</td><td>owner</td><td>644</td></tr>',
    )
    const names = [1, 2, 3].map(username)
    for (const name of names) {
      expect(html).toContain(
        `<dt><code>${name}</code></dt><dd><code>${name.padEnd(4, '0')}</code></dd>`,
      )
    }
    const page = await send(mock, 'GET', '/', undefined, { Accept: 'application/json' })
    const auth = ((await json(page)) as { auth: unknown }).auth
    expect(auth).toEqual({
      register: '/register',
      login: '/login',
      fields: { login: 'username', password: 'password' },
      rules: [
        { resource: 'notes', read: 'owner', write: 'owner', guard: '600' },
        { resource: 'posts', read: 'anyone', write: 'owner', guard: '644' },
      ],
      demoUsers: names.map((name) => ({ login: name, password: name.padEnd(4, '0') })),
    })
    for (const name of names) await logIn(name, name.padEnd(4, '0'))
  })

  it('shows no passwords for users it did not generate (a json-server-auth db)', async () => {
    const plain = await memoryMock({
      schema: { users: [{ id: 1, email: 'a@b.co', password: 'x' }], posts: [] },
      auth: { rules: { posts: 640 } },
    })
    const page = await send(plain, 'GET', '/', undefined, { Accept: 'application/json' })
    expect(((await json(page)) as { auth: unknown }).auth).toEqual({
      register: '/register',
      login: '/login',
      fields: { login: 'email', password: 'password' },
      rules: [{ resource: 'posts', read: 'logged-in', write: 'owner', guard: '640' }],
      demoUsers: [],
    })
    const html = await (await send(plain, 'GET', '/', undefined, { Accept: 'text/html' })).text()
    expect(html).toContain('<h2 id="auth">Log in</h2>')
    expect(html).not.toContain('Demo users')
    await plain.close()
  })
})
