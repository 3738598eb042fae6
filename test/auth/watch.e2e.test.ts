import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox } from '../cli-process.ts'
import { eventually } from '../watch/eventually.ts'

const sandbox = cliSandbox()

/** The status of `GET url` once it is `status`. */
const statusBecomes = (url: string, status: number) =>
  eventually(
    async () => ((await fetch(url)).status === status ? status : undefined),
    `GET ${url} answering ${status}`,
  )

describe('auth under --watch (built CLI)', () => {
  it('takes new guards from an edited routes file, and refuses one naming no resource', async () => {
    const dir = sandbox.dir()
    await writeFile(join(dir, 'db.json'), JSON.stringify({ users: [], posts: [{ id: 1 }] }))
    const routes = join(dir, 'routes.json')
    await writeFile(routes, JSON.stringify({ posts: 640 }))
    const server = await sandbox.start(['db.json', '--port', '0', '--routes', 'routes.json', '-w'])
    expect((await fetch(`${server.url}/posts`)).status).toBe(401)
    await writeFile(routes, JSON.stringify({ posts: 644 }))
    await statusBecomes(`${server.url}/posts`, 200)
    expect(server.output()).toContain('reloaded db.json (guards of routes.json)\n')
    expect((await fetch(`${server.url}/posts/1`, { method: 'DELETE' })).status).toBe(401)
    await writeFile(routes, JSON.stringify({ posts: 600, nothing: 640 }))
    await eventually(
      async () => (server.output().includes('keeping the previous routes') ? true : undefined),
      'the refusal',
    )
    expect(server.output()).toContain(
      'fauxrest: auth rule for "nothing": there is no such resource (keeping the previous routes)\n',
    )
    expect((await fetch(`${server.url}/posts`)).status).toBe(200)
  })

  it('takes the access rules of an edited schema', async () => {
    const dir = sandbox.dir()
    const schema = (access: number) =>
      JSON.stringify({
        auth: { users: 'users', login: 'username' },
        resources: {
          users: { count: 1, fields: { username: { faker: 'internet.username' } } },
          notes: { count: 2, access, fields: { userId: { ref: 'users' }, text: 'lorem.word' } },
        },
      })
    await writeFile(join(dir, 'schema.json'), schema(644))
    const server = await sandbox.start(['schema.json', '--port', '0', '--db', ':memory:', '-w'])
    expect((await fetch(`${server.url}/notes`)).status).toBe(200)
    await writeFile(join(dir, 'schema.json'), schema(600))
    await statusBecomes(`${server.url}/notes`, 401)
  })
})
