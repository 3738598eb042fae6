import { Miniflare } from 'miniflare'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, readFile, readdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox, runCli } from '../cli-process.ts'
import { JSONPLACEHOLDER, json } from '../helpers.ts'

// The built CLI: `fauxrest worker` writes what wrangler deploys, and --dev serves it under workerd.
const sandbox = cliSandbox()
const ROOT = new URL('../..', import.meta.url).pathname
const OPENAPI = new URL('../fixtures/openapi', import.meta.url).pathname

describe('fauxrest worker --out', () => {
  it('writes one self-contained ES module, wrangler.jsonc with the object and its SQLite migration, and a README', async () => {
    const done = await runCli(['worker', JSONPLACEHOLDER, '--out', 'deploy'], sandbox.dir())
    expect(done.code).toBe(0)
    expect(done.stderr).toMatch(
      /^fauxrest: wrote deploy\/worker\.js \(\d+ KiB\), wrangler\.jsonc and README\.md\nfauxrest: deploy with: cd deploy && npx wrangler deploy\n$/,
    )
    const out = join(sandbox.dir(), 'deploy')
    expect((await readdir(out)).toSorted()).toEqual(['README.md', 'worker.js', 'wrangler.jsonc'])
    const text = await readFile(join(out, 'wrangler.jsonc'), 'utf8')
    const config: unknown = JSON.parse(text.replace(/^\/\/.*$/gm, ''))
    expect(config).toEqual({
      name: 'jsonplaceholder',
      main: 'worker.js',
      compatibility_date: '2026-04-24',
      durable_objects: {
        bindings: [
          { name: 'FAUXREST_DATABASE', class_name: 'FauxrestDatabase' },
          { name: 'FAUXREST_SESSION', class_name: 'FauxrestSession' },
        ],
      },
      migrations: [
        { tag: 'v1', new_sqlite_classes: ['FauxrestDatabase'] },
        { tag: 'v2', new_sqlite_classes: ['FauxrestSession'] },
      ],
    })
    expect(await readFile(join(out, 'README.md'), 'utf8')).toContain('`npx wrangler deploy`')
    // Loaded alone, as a deployment would: an import left in it could not resolve.
    const mf = new Miniflare({
      modules: true,
      scriptPath: join(out, 'worker.js'),
      modulesRoot: out,
      compatibilityDate: '2026-04-24',
      durableObjects: {
        FAUXREST_DATABASE: { className: 'FauxrestDatabase', useSQLite: true },
        FAUXREST_SESSION: { className: 'FauxrestSession', useSQLite: true },
      },
      durableObjectsPersist: join(sandbox.dir(), 'state'),
    })
    try {
      const answer = await mf.dispatchFetch('http://localhost/users/1/posts?_limit=2&_select=id')
      expect(await answer.json()).toEqual([{ id: 1 }, { id: 2 }])
      const inSession = await mf.dispatchFetch('http://localhost/_sessions/ci/posts/1', {
        method: 'DELETE',
      })
      expect(inSession.status).toBe(200)
      const listed = await mf.dispatchFetch('http://localhost/_sessions')
      expect(await listed.json()).toEqual(
        expect.objectContaining({ count: 1, sessions: [expect.objectContaining({ name: 'ci' })] }),
      )
    } finally {
      await mf.dispose()
    }
  })

  it('with --fake-writes declares no Durable Object and builds the data in', async () => {
    const done = await runCli(
      ['worker', JSONPLACEHOLDER, '--fake-writes', '--out', 'demo'],
      sandbox.dir(),
    )
    expect(done.code).toBe(0)
    const text = await readFile(join(sandbox.dir(), 'demo', 'wrangler.jsonc'), 'utf8')
    expect(JSON.parse(text.replace(/^\/\/.*$/gm, ''))).toEqual({
      name: 'jsonplaceholder',
      main: 'worker.js',
      compatibility_date: '2026-04-24',
    })
    const script = await readFile(join(sandbox.dir(), 'demo', 'worker.js'), 'utf8')
    expect(script).toContain('"data":{"users":[{"id":1,')
  })

  it('builds --max-sessions and --session-idle into the Worker', async () => {
    const args = ['--max-sessions', '20', '--session-idle', '10m', '--out', 'limits']
    const done = await runCli(['worker', JSONPLACEHOLDER, ...args], sandbox.dir())
    expect(done.code).toBe(0)
    const script = await readFile(join(sandbox.dir(), 'limits', 'worker.js'), 'utf8')
    expect(script).toContain('"sessions":{"maxSessions":20,"idleMs":600000}')
  })

  it.each([
    [
      ['--static', 'public'],
      '--static cannot apply to worker: a Worker serves no folder of files (put them on Workers static assets or a CDN)',
    ],
    [
      ['--watch'],
      '--watch cannot apply to worker: a deployed Worker does not watch files (run fauxrest worker again after a change)',
    ],
    [
      ['--middlewares', 'log.js'],
      '--middlewares cannot apply to worker: middleware files are not bundled into a Worker',
    ],
    [[], 'missing --out DIR: fauxrest worker <file> --out DIR (or --dev to try it)'],
    [['--out', 'x', '--port', '9000'], '--port only applies to worker --dev'],
  ])('refuses %j in one line, writing nothing', async (args, message) => {
    const done = await runCli(['worker', JSONPLACEHOLDER, ...args], sandbox.dir())
    expect([done.code, done.stderr, done.stdout]).toEqual([1, `fauxrest: ${message}\n`, ''])
    expect(await readdir(sandbox.dir())).toEqual([])
  })

  it('refuses an OpenAPI document in one line', async () => {
    const [document] = (await readdir(OPENAPI)).filter((name) => /\.(json|ya?ml)$/.test(name))
    const file = join(OPENAPI, document ?? '')
    const done = await runCli(['worker', file, '--out', 'x'], sandbox.dir())
    expect([done.code, done.stderr]).toEqual([
      1,
      `fauxrest: ${file} is an OpenAPI document, which a Worker cannot serve yet: fauxrest import ${file} --out schema.json gives a schema it can\n`,
    ])
  })
})

describe('fauxrest worker --dev', () => {
  it('serves the clone under workerd, keeps its writes when started again, and exits 0 on SIGTERM or SIGINT', async () => {
    const args = ['worker', JSONPLACEHOLDER, '--dev', '--port', '0']
    const first = await sandbox.start(args)
    expect(first.output()).toContain('(state in .fauxrest-worker/state)')
    const created = await fetch(`${first.url}/posts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 1, title: 'dev', body: 'b' }),
    })
    expect([created.status, await json(created)]).toEqual([
      201,
      { userId: 1, title: 'dev', body: 'b', id: 101 },
    ])
    // Stopped: workerd with it (nothing answers there any more), and a clean exit.
    expect(await first.stop('SIGTERM')).toBe(0)
    expect(first.output()).toContain('fauxrest: SIGTERM received, stopping workerd…\n')
    await expect(fetch(`${first.url}/posts/1`)).rejects.toThrow('fetch failed')

    const second = await sandbox.start(args)
    expect(await json(await fetch(`${second.url}/posts/101`))).toEqual({
      userId: 1,
      title: 'dev',
      body: 'b',
      id: 101,
    })
    expect(await second.stop('SIGINT')).toBe(0)
    expect(second.output()).toContain('fauxrest: SIGINT received, stopping workerd…\n')
    await expect(fetch(`${second.url}/posts/1`)).rejects.toThrow('fetch failed')
  })
})

describe('fauxrest worker --dev without miniflare', () => {
  it('says in one line how to install it, and writes nothing', async () => {
    // fauxrest as a user installs it: its dist and its dependencies, with no miniflare anywhere.
    const root = join(sandbox.dir(), 'installed')
    const modules = join(root, 'node_modules')
    await mkdir(modules, { recursive: true })
    await cp(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true })
    await cp(join(ROOT, 'package.json'), join(root, 'package.json'))
    for (const name of await readdir(join(ROOT, 'node_modules'))) {
      if (name !== 'miniflare' && !name.startsWith('.')) {
        await symlink(join(ROOT, 'node_modules', name), join(modules, name))
      }
    }
    const child = spawnSync(
      process.execPath,
      [join(root, 'dist/bin.js'), 'worker', JSONPLACEHOLDER, '--dev'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    )
    expect([child.status, child.stderr, child.stdout]).toEqual([
      1,
      'fauxrest: --dev runs the Worker under workerd with miniflare, which is not installed: npm install -D miniflare@4.20260424.0\n',
      '',
    ])
    expect(existsSync(join(root, '.fauxrest-worker'))).toBe(false)
  })
})
