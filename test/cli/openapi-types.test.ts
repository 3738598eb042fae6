import { validate } from '@readme/openapi-parser'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliInTempDir } from '../cli-main.ts'
import { generate } from '../../src/generate/generate.ts'
import { buildOpenApi } from '../../src/openapi/build-openapi.ts'
import { buildTypes } from '../../src/typegen/build-types.ts'
import { runCli } from '../cli-process.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'
import { EVERY_FEATURE, loadSchema } from '../openapi/load-fixture.ts'
import { compileTs } from '../typegen/compile-ts.ts'

const PLAIN_DB = new URL('../fixtures/schemas/plain-db.json', import.meta.url).pathname

const { dir, run } = cliInTempDir()

type Document = {
  servers?: unknown
  paths: Record<string, { get?: { responses: Record<string, { content?: unknown }> } }>
}

function postExample(document: Document): unknown {
  return document.paths['/posts/{id}']?.get?.responses['200']?.content
}

describe('fauxrest openapi', () => {
  it.each([
    ['the JSONPlaceholder schema', new URL(`file://${JSONPLACEHOLDER}`)],
    ['a schema using every feature', EVERY_FEATURE],
  ])('prints a valid document for %s with examples from its seed', async (_, file) => {
    const result = await run('openapi', file.pathname)
    expect(result).toMatchObject({ code: 0, err: '' })
    const schema = await loadSchema(file)
    const data = generate(schema, { seed: schema.seed })
    const expected = buildOpenApi(schema, {
      examples: (name) => {
        const value = data[name]
        return Array.isArray(value) ? value[0] : value
      },
      serverUrl: 'http://127.0.0.1:3000',
    })
    expect(result.out).toBe(`${JSON.stringify(expected, null, 2)}\n`)
    const validation = await validate(JSON.parse(result.out) as never)
    expect(validation).toMatchObject({ valid: true, warnings: [] })
  })

  it('writes the same bytes to --out, and --seed changes the examples', async () => {
    const printed = await run('openapi', JSONPLACEHOLDER)
    expect(await run('openapi', JSONPLACEHOLDER, '--out', 'openapi.json')).toEqual({
      code: 0,
      out: '',
      err: '',
    })
    expect(await readFile(join(dir.path, 'openapi.json'), 'utf8')).toBe(printed.out)
    const seeded = await run('openapi', JSONPLACEHOLDER, '--seed', '2')
    const [one, two] = [printed, seeded].map((r) => postExample(JSON.parse(r.out) as Document))
    expect(one).toMatchObject({ 'application/json': { example: { id: 1, userId: 1 } } })
    expect(two).toMatchObject({ 'application/json': { example: { id: 1, userId: 1 } } })
    expect(two).not.toEqual(one)
  })

  it('takes its examples from a plain db file', async () => {
    const result = await run('openapi', PLAIN_DB)
    expect(result.code).toBe(0)
    expect(postExample(JSON.parse(result.out) as Document)).toMatchObject({
      'application/json': { example: { id: 1, title: 'a title', views: 100 } },
    })
  })

  it.each([
    [['openapi', 'missing.json'], (cwd: string) => `cannot read ${join(cwd, 'missing.json')}`],
    [['openapi', JSONPLACEHOLDER, '--port', '1'], () => '--port only applies to serve'],
    [['openapi', JSONPLACEHOLDER, '--out', 'no/such/dir/x.json'], () => 'cannot write'],
    [['types', JSONPLACEHOLDER, '--seed', '2'], () => '--seed does not apply to types'],
    [['types', 'missing.json'], (cwd: string) => `cannot read ${join(cwd, 'missing.json')}`],
  ])('fails in one line: %j', async (argv, message) => {
    const result = await run(...argv)
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expect(result.err).toContain(`fauxrest: ${message(dir.path)}`)
    expect(result.err.trim().split('\n')).toHaveLength(1)
  })
})

describe('fauxrest types', () => {
  it('prints the interfaces of every resource, which compile and describe the data', async () => {
    const result = await run('types', JSONPLACEHOLDER, '--out', 'api.ts')
    expect(result).toEqual({ code: 0, out: '', err: '' })
    const written = await readFile(join(dir.path, 'api.ts'), 'utf8')
    const schema = await loadSchema(new URL(`file://${JSONPLACEHOLDER}`))
    expect(written).toBe(buildTypes(schema))
    expect((await run('types', JSONPLACEHOLDER)).out).toBe(written)
    const data = generate(schema, { seed: 1 })
    const usage = [
      `import type { Post, PostCreate, PostUpdate, User } from './api.ts'`,
      `export const post: Post = ${JSON.stringify((data['posts'] as unknown[])[0])}`,
      `export const user: User = ${JSON.stringify((data['users'] as unknown[])[0])}`,
      `export const create: PostCreate = { userId: 1, title: 't', body: 'b' }`,
      `export const update: PostUpdate = { title: 't' }`,
    ].join('\n')
    expect(await compileTs({ 'api.ts': written, 'usage.ts': usage })).toEqual({
      code: 0,
      output: '',
    })
  })

  it('types a plain db file too', async () => {
    await writeFile(join(dir.path, 'db.json'), await readFile(PLAIN_DB))
    const result = await run('types', 'db.json')
    expect(result.code).toBe(0)
    expect(result.out).toContain('export interface Post {')
    expect(result.out).toContain('export interface Profile {')
    expect((await compileTs({ 'api.ts': result.out })).code).toBe(0)
  })
  it('types auth: register and log-in bodies, their answer, and users without their password', async () => {
    const db = {
      users: [
        { id: 1, email: 'ann@mail.com', password: '$2a$10$abcdefghijklmnopqrstuv', name: 'Ann' },
      ],
      posts: [{ id: 1, userId: 1, title: 't' }],
    }
    await writeFile(join(dir.path, 'auth-db.json'), JSON.stringify(db))
    const plain = await run('types', 'auth-db.json')
    expect(plain.out).not.toContain('RegisterRequest')
    const result = await run('types', 'auth-db.json', '--auth')
    expect(result.code).toBe(0)
    expect(result.out).toContain(
      'export type RegisterRequest = UserCreate & { email: string; password: string }',
    )
    const usage = [
      `import type { AuthResponse, LoginRequest, RegisterRequest, AccessTokenClaims } from './api.ts'`,
      `export const register: RegisterRequest = { email: 'a@b.co', password: 'abcd', name: 'A' }`,
      `export const login: LoginRequest = { email: 'a@b.co', password: 'abcd' }`,
      `export const answer: AuthResponse = { accessToken: 'x.y.z', user: { id: 2, email: 'a@b.co', name: 'A' } }`,
      `export const claims: AccessTokenClaims = { sub: '2', email: 'a@b.co', iat: 1, exp: 2 }`,
      `// @ts-expect-error a log-in needs the password`,
      `export const half: LoginRequest = { email: 'a@b.co' }`,
    ].join('\n')
    expect(await compileTs({ 'api.ts': result.out, 'usage.ts': usage })).toEqual({
      code: 0,
      output: '',
    })
  })

  it('types the auth a schema declares, with its login field', async () => {
    const schema = {
      auth: { users: 'members', login: 'username' },
      resources: {
        members: { count: 1, fields: { username: { faker: 'internet.username', unique: true } } },
      },
    }
    await writeFile(join(dir.path, 'auth-schema.json'), JSON.stringify(schema))
    const result = await run('types', 'auth-schema.json')
    expect(result.out).toContain('export interface Member {\n  id: number\n  username: string\n}')
    expect(result.out).toContain(
      'export interface LoginRequest {\n  username: string\n  password: string\n}',
    )
    expect(result.out).toContain(
      'export interface AuthResponse {\n  accessToken: string\n  user: Member\n}',
    )
    const usage = [
      `import type { Member, RegisterRequest } from './api.ts'`,
      `export const member: Member = { id: 1, username: 'ann' }`,
      `export const register: RegisterRequest = { username: 'ann', password: 'abcd' }`,
      `// @ts-expect-error the password is never served`,
      `export const leaked: Member = { id: 1, username: 'ann', password: 'x' }`,
    ].join('\n')
    expect(await compileTs({ 'api.ts': result.out, 'usage.ts': usage })).toEqual({
      code: 0,
      output: '',
    })
  })
})

describe('the built CLI', () => {
  it('prints the OpenAPI document and the types', async () => {
    const openapi = await runCli(['openapi', JSONPLACEHOLDER], dir.path)
    expect(openapi.code).toBe(0)
    expect(openapi.stdout).toBe((await run('openapi', JSONPLACEHOLDER)).out)
    const types = await runCli(['types', JSONPLACEHOLDER], dir.path)
    expect(types.code).toBe(0)
    expect(types.stdout).toBe((await run('types', JSONPLACEHOLDER)).out)
  })
})
