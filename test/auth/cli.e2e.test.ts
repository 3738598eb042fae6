import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { helpText } from '../../src/cli/help-text.ts'
import { parseCliArgs } from '../../src/cli/parse-cli-args.ts'
import { cliSandbox, runCli } from '../cli-process.ts'

describe('auth on the command line', () => {
  it('lists its options in --help', () => {
    const help = helpText('serve')
    for (const flag of ['--auth', '--jwt-secret S', '--jwt-expires-in T']) {
      expect(help).toContain(flag)
    }
  })

  it('reads --auth, --jwt-secret and --jwt-expires-in', () => {
    const command = parseCliArgs(['db.json', '--jwt-secret', 'x', '--jwt-expires-in', '8h'])
    expect(command).toMatchObject({
      command: 'serve',
      flags: { auth: false, jwtSecret: 'x', jwtExpiresIn: '8h' },
    })
    expect(parseCliArgs(['db.json', '--auth'])).toMatchObject({ flags: { auth: true } })
  })

  const sandbox = cliSandbox()

  it('serves json-server-auth routes and guards from a routes file, with the seed client header', async () => {
    const db = join(sandbox.dir(), 'db.json')
    await writeFile(db, JSON.stringify({ users: [], todos: [] }))
    await writeFile(join(sandbox.dir(), 'routes.json'), JSON.stringify({ todos: 600 }))
    const server = await sandbox.start([
      'db.json',
      '--port',
      '0',
      '--routes',
      'routes.json',
      '--jwt-secret',
      'local-secret',
      '--jwt-expires-in',
      '30m',
    ])
    const registered = await fetch(`${server.url}/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ann@mail.com', password: 'abcd' }),
    })
    expect(registered.status).toBe(201)
    const { accessToken } = (await registered.json()) as { accessToken: string }
    const claims = JSON.parse(
      Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString(),
    ) as { iat: number; exp: number }
    expect(claims.exp - claims.iat).toBe(1800)
    // Seed 003's client: `headers = {"Authorization": "Token your_token_here"}`; Bearer as well
    for (const scheme of ['Token', 'Bearer']) {
      const created = await fetch(`${server.url}/todos`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `${scheme} ${accessToken}` },
        body: JSON.stringify({ title: scheme }),
      })
      expect(created.status).toBe(201)
    }
    const anonymous = await fetch(`${server.url}/todos`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer')
  })

  it('refuses a bad token lifetime with one line', async () => {
    await writeFile(join(sandbox.dir(), 'db.json'), JSON.stringify({ users: [] }))
    const run = await runCli(['db.json', '--jwt-expires-in', 'soon'], sandbox.dir())
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      'fauxrest: the token lifetime must be seconds or a duration such as 30m, 1h or 7d, not "soon"\n',
    )
  })
})
