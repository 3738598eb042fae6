import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderBanner } from '../../src/cli/render-banner.ts'
import type { Mock } from '../../src/index.ts'
import { routeTable, toColonPath } from '../../src/routes/route-table.ts'
import { runMain } from '../cli-main.ts'
import { json, memoryMock, send, tempDir } from '../helpers.ts'

// users.managerId -> users is a self-reference: /users/{managerId}/users lists a manager's reports.
const SCHEMA = {
  seed: 3,
  resources: {
    users: {
      count: 4,
      fields: { name: 'person.fullName', managerId: { ref: 'users', nullable: true } },
    },
    posts: { count: 6, fields: { userId: { ref: 'users' }, title: 'lorem.sentence' } },
    settings: { singular: true, fields: { theme: 'lorem.word' } },
  },
}

const RESOURCE_PATHS = [
  '/users',
  '/users/{id}',
  '/posts',
  '/posts/{id}',
  '/settings',
  '/users/{managerId}/users',
  '/users/{managerId}/users/{userId}',
  '/users/{userId}/posts',
  '/users/{userId}/posts/{postId}',
]

describe('every surface reads the one route table (a self-referencing schema)', () => {
  let mock: Mock
  let folder: { path: string; remove: () => Promise<void> }
  beforeAll(async () => {
    mock = await memoryMock({ schema: SCHEMA })
    folder = await tempDir()
  })
  afterAll(async () => {
    await mock.close()
    await folder.remove()
  })

  it('lists the self-reference once, and nothing deeper under it', () => {
    expect(routeTable(mock.schema).resources.map((route) => route.path)).toEqual(RESOURCE_PATHS)
  })

  it('the router serves every route, with the Allow the table gives', async () => {
    // A report of user 1, so the self-nested item exists.
    const created = await send(mock, 'POST', '/users', { name: 'Ada', managerId: 1 })
    const report = String(((await json(created)) as { id: number }).id)
    const managerId = '1'
    const post = mock.store.list('posts')[0]
    const ids: Record<string, string> = {
      id: String(post?.['userId']),
      managerId,
      userId: String(post?.['userId']),
      postId: String(post?.['id']),
    }
    for (const route of routeTable(mock.schema).resources) {
      const path = route.path
        .replace('{managerId}/users/{userId}', `${managerId}/users/${report}`)
        .replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? '')
      const options = await send(mock, 'OPTIONS', path)
      expect([path, options.status, options.headers.get('allow')]).toEqual([path, 204, route.allow])
      expect([path, (await send(mock, 'GET', path)).status]).toEqual([path, 200])
    }
    expect(await json(await send(mock, 'GET', `/users/${managerId}/users`))).toEqual(
      mock.store.list('users').filter((user) => String(user['managerId']) === managerId),
    )
  })

  it('a path the table does not have is a 404, however the schema links', async () => {
    const response = await send(mock, 'GET', '/users/1/users/2/users')
    expect(response.status).toBe(404)
    expect(await json(response)).toEqual({
      error: 'The requested resource was not found: /users/1/users/2/users.',
    })
  })

  it('the OpenAPI document has the table paths, then fauxrest’s own', async () => {
    const document = (await json(await send(mock, 'GET', '/openapi.json'))) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(document.paths)).toEqual([
      ...RESOURCE_PATHS,
      '/db',
      '/_reset',
      '/_events',
      '/_sessions',
      '/_sessions/{session}',
    ])
  })

  it('the homepage lists the table routes of each resource', async () => {
    const home = (await json(await send(mock, 'GET', '/?format=json'))) as {
      resources: { name: string; routes: string[] }[]
    }
    const routes = home.resources.flatMap((resource) =>
      resource.routes.map((line) => line.split(' ').at(-1)),
    )
    expect(routes.toSorted()).toEqual(RESOURCE_PATHS.map(toColonPath).toSorted())
    const html = await (await send(mock, 'GET', '/')).text()
    expect(html).toContain('/users/:managerId/users/:userId')
  })

  it('check and the banner list the same routes', async () => {
    const file = join(folder.path, 'schema.json')
    await writeFile(file, JSON.stringify(SCHEMA))
    const run = await runMain(folder.path, ['check', file])
    expect(run.code).toBe(0)
    const listed = run.out
      .split('\n')
      .filter((line) => /^ {2}(GET|POST)/.test(line))
      .map((line) => line.trim().split(/\s+/).at(-1))
    expect(listed).toEqual([
      ...RESOURCE_PATHS.map(toColonPath),
      '/',
      '/docs',
      '/openapi.json',
      '/db',
      '/_reset',
      '/_events',
      '/_sessions',
    ])
    const banner = renderBanner(mock, {
      version: '0',
      file: 'schema.json',
      db: ':memory:',
      url: 'http://127.0.0.1:1',
      color: false,
    })
    expect(banner).toContain('/users  /users/:id  /users/:managerId/users  /users/:userId/posts')
  })
})
