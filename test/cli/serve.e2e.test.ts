import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox, runCli, type Running } from '../cli-process.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'

const sandbox = cliSandbox()
let running: Running | undefined

describe('fauxrest serve (built CLI)', () => {
  it('persists a POST across a restart', async () => {
    const db = join(sandbox.dir(), 'db.json')
    running = await sandbox.start([JSONPLACEHOLDER, '--port', '0', '--db', db, '--quiet'])
    const created = await fetch(`${running.url}/posts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 2, title: 'kept', body: 'across restarts' }),
    })
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({
      userId: 2,
      title: 'kept',
      body: 'across restarts',
      id: 101,
    })
    expect(await running.stop('SIGTERM')).toBe(0)

    const onDisk = JSON.parse(await readFile(db, 'utf8')) as { posts: unknown[] }
    expect(onDisk.posts).toHaveLength(101)

    running = await sandbox.start([JSONPLACEHOLDER, '--port', '0', '--db', db, '--quiet'])
    const read = await fetch(`${running.url}/posts/101`)
    expect(await read.json()).toEqual({
      userId: 2,
      title: 'kept',
      body: 'across restarts',
      id: 101,
    })
    expect(((await (await fetch(`${running.url}/users/2/posts`)).json()) as unknown[]).length).toBe(
      11,
    )
  })

  it('prints the URL and a table of resources, counts and routes', async () => {
    running = await sandbox.start([JSONPLACEHOLDER, '--port', '0', '--db', ':memory:'])
    const banner = running.output()
    expect(banner).toContain(`${running.url}\n`)
    expect(banner).toMatch(
      /users\s+10\s+\/users {2}\/users\/:id {2}\/users\/:userId\/posts {2}\/users\/:userId\/albums {2}\/users\/:userId\/todos\n/,
    )
    expect(banner).toMatch(/photos\s+5000\s+\/photos {2}\/photos\/:id\n/)
  })

  it('serves under --base, and prints the API URL and routes with the prefix', async () => {
    running = await sandbox.start([
      JSONPLACEHOLDER,
      '--port',
      '0',
      '--db',
      ':memory:',
      '--base',
      '/api/',
    ])
    const banner = running.output()
    expect(banner).toContain(`${running.url}/api\n`)
    expect(banner).toMatch(/photos\s+5000\s+\/api\/photos {2}\/api\/photos\/:id\n/)
    expect(banner).toContain('  Home /api  ·  Docs /api/docs  ·  OpenAPI /api/openapi.json')
    const post = await fetch(`${running.url}/api/posts/1`)
    expect(((await post.json()) as { id: number }).id).toBe(1)
    expect((await fetch(`${running.url}/posts/1`)).status).toBe(404)
  })

  it('refuses a bad --base with one line', async () => {
    const result = await runCli([JSONPLACEHOLDER, '--base', 'api v1'], sandbox.dir())
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'fauxrest: --base must be a URL path like /api or /api/v1, not "api v1": it must start with /\n',
    )
  })

  it('lists the modes it runs in, the delay as the homepage writes it', async () => {
    const args = ['--port', '0', '--db', ':memory:', '--read-only', '--no-cors']
    running = await sandbox.start([JSONPLACEHOLDER, ...args, '--delay', '300'])
    expect(running.output()).toContain('  Modes: read-only, delay 300 ms, CORS off\n')
  })

  it('refuses a port in use with one clear line', async () => {
    running = await sandbox.start([JSONPLACEHOLDER, '--port', '0', '--db', ':memory:', '--quiet'])
    const port = new URL(running.url).port
    const result = await runCli(
      [JSONPLACEHOLDER, '--port', port, '--db', ':memory:'],
      sandbox.dir(),
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `fauxrest: port ${port} on 127.0.0.1 is already in use (try --port 0 for a free one)\n`,
    )
  })
})
