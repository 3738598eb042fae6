import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../src/cli/parse-cli-args.ts'
import { UserError } from '../../src/errors.ts'

function serve(...argv: string[]) {
  const command = parseCliArgs(['db.json', ...argv])
  if (command.command !== 'serve') throw new Error(`not serve: ${command.command}`)
  return command
}

function refusal(...argv: string[]): string {
  try {
    parseCliArgs(['db.json', ...argv])
  } catch (error) {
    if (error instanceof UserError) return error.message
    throw error
  }
  throw new Error('accepted')
}

describe("json-server's flags and short forms", () => {
  it.each([
    [['-i', '_id'], { idKey: '_id' }],
    [['--id', 'uuid'], { idKey: 'uuid' }],
    [['--foreignKeySuffix', '_id'], { foreignKeySuffix: '_id' }],
    [['--fks', '_id'], { foreignKeySuffix: '_id' }],
    [['--fks', '_id', '--foreignKeySuffix', '_id'], { foreignKeySuffix: '_id' }],
    [[], {}],
  ])('%j reads the file with %j', (argv, reading) => {
    expect(serve(...argv).reading).toEqual(reading)
  })

  it('takes -s for --static and -d for --delay, as json-server does', () => {
    const { flags } = serve('-s', 'public', '-d', '1000')
    expect(flags.staticDir).toBe('public')
    expect(flags.delay).toEqual({ min: 1000, max: 1000 })
  })

  it.each([
    [['--no-cors=true'], { cors: false }],
    [['--no-cors=false'], { cors: true }],
    [['--nc'], { cors: false }],
    [['--ro'], { readOnly: true }],
    [['--read-only=true'], { readOnly: true }],
  ])('%j sets %j', (argv, expected) => {
    expect(serve(...argv).flags).toMatchObject(expected)
  })

  it.each([
    [
      ['-m', 'en.js', 'jp.js'],
      ['en.js', 'jp.js'],
    ],
    [
      ['--middlewares', 'a.mjs', 'b.cjs', '-p', '0'],
      ['a.mjs', 'b.cjs'],
    ],
    [
      ['-m', 'a.js', '-m', 'b.js'],
      ['a.js', 'b.js'],
    ],
    [[], []],
  ])('%j runs the middlewares %j', (argv, middlewares) => {
    expect(serve(...argv).flags.middlewares).toEqual(middlewares)
  })

  it('takes a file after the middlewares that is not a module as the file to serve', () => {
    const command = parseCliArgs(['-m', 'en.js', 'db.json'])
    expect(command).toMatchObject({ command: 'serve', file: 'db.json' })
  })

  it('accepts --no-gzip (fauxrest never compresses)', () => {
    expect(serve('--no-gzip=true').flags).toMatchObject({ cors: true })
  })

  it('reads --id and --fks for the other commands too', () => {
    expect(parseCliArgs(['types', 'db.json', '-i', '_id', '--fks', '_id'])).toEqual({
      command: 'types',
      file: 'db.json',
      out: undefined,
      auth: false,
      reading: { idKey: '_id', foreignKeySuffix: '_id' },
    })
  })

  it.each([
    [['--base', '/api/v1/'], '/api/v1'],
    [['--base', '/'], ''],
    [[], ''],
  ])('%j serves the API under %j', (argv, base) => {
    expect(serve(...argv).flags.base).toBe(base)
  })

  it.each([
    [
      ['--base', 'api'],
      '--base must be a URL path like /api or /api/v1, not "api": it must start with /',
    ],
    [['--id', ''], '--id must be a field name (like _id), not ""'],
    [['--id', 'a.b'], '--id must be a field name (like _id), not "a.b"'],
    [['--id', '__proto__'], '--id must be a field name (like _id), not "__proto__"'],
    [
      ['--fks', '_id', '--foreignKeySuffix', 'Id'],
      '--foreignKeySuffix and --fks say different things ("Id", "_id")',
    ],
  ])('refuses %j in one line', (argv, message) => {
    expect(refusal(...argv)).toBe(message)
  })
})
