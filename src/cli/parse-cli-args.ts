import { parseArgs } from 'node:util'
import { UserError } from '../errors.ts'
import { DELETE_MODES, type Delay, type DeleteMode } from '../app-options.ts'
import { FORBIDDEN_KEYS } from '../json.ts'
import type { SchemaOptions } from '../schema/types.ts'
import { parseBasePath } from '../routes/base-path.ts'

export const COMMANDS = [
  'serve',
  'generate',
  'check',
  'openapi',
  'types',
  'import',
  'infer',
  'worker',
] as const
export type CommandName = (typeof COMMANDS)[number]

export type ServeFlags = {
  readonly port: number
  readonly host: string
  readonly db: string | undefined
  readonly seed: number | undefined
  readonly reset: boolean
  readonly quiet: boolean
  readonly readOnly: boolean
  readonly fakeWrites: boolean
  readonly deleteMode: DeleteMode
  readonly delay: Delay | undefined
  readonly cors: boolean
  readonly watch: boolean
  readonly staticDir: string | undefined
  readonly bodyLimit: number
  /** json-server's routes file (`--routes`). */
  readonly routes: string | undefined
  /** Where `s` + Enter saves snapshots of the database (json-server's `--snapshots`). */
  readonly snapshots: string
  /** The prefix of every route (`--base /api`), normalised; `''` for none. */
  readonly base: string
  /** Module files of Hono middleware, run in order before the router. */
  readonly middlewares: readonly string[]
  /** json-server-auth's routes and guards (`--auth`), on with either option below too. */
  readonly auth: boolean
  readonly jwtSecret: string | undefined
  readonly jwtExpiresIn: string | undefined
  /** Live sessions at most (`--max-sessions`). */
  readonly maxSessions: number | undefined
  /** How long an unused session lives (`--session-idle`): seconds, or `30m`, `1h`, `7d`. */
  readonly sessionIdle: string | undefined
}

/** `fauxrest worker`: the serve flags a Worker keeps, where it is written, and `--dev`. */
export type WorkerFlags = Pick<
  ServeFlags,
  | 'seed'
  | 'readOnly'
  | 'fakeWrites'
  | 'deleteMode'
  | 'delay'
  | 'cors'
  | 'bodyLimit'
  | 'routes'
  | 'auth'
  | 'jwtSecret'
  | 'jwtExpiresIn'
  | 'maxSessions'
  | 'sessionIdle'
> & {
  /** The folder the Worker project is written to; `undefined` with --dev (a default folder). */
  readonly out: string | undefined
  /** Serve it under workerd on this machine (miniflare), on `port` and `host`. */
  readonly dev: boolean
  readonly port: number
  readonly host: string
}

/** How every command reads the file: json-server's `--id` and `--foreignKeySuffix`. */
type Reading = { readonly reading: SchemaOptions }

export type CliCommand =
  | { readonly command: 'help'; readonly topic: CommandName | undefined; readonly asked: boolean }
  | { readonly command: 'version' }
  | ({ readonly command: 'serve'; readonly file: string; readonly flags: ServeFlags } & Reading)
  | ({
      readonly command: 'generate'
      readonly file: string
      readonly out: string | undefined
      readonly seed: number | undefined
    } & Reading)
  | ({ readonly command: 'check'; readonly file: string } & Reading)
  | ({ readonly command: 'worker'; readonly file: string; readonly flags: WorkerFlags } & Reading)
  | ({
      readonly command: 'openapi'
      readonly file: string
      readonly out: string | undefined
      readonly seed: number | undefined
    } & Reading)
  | ({
      readonly command: 'types'
      readonly file: string
      readonly out: string | undefined
      /** A json-server-auth db: its users are typed without their password (`--auth`). */
      readonly auth: boolean
    } & Reading)
  | {
      readonly command: 'import'
      readonly file: string
      readonly out: string | undefined
      readonly seed: number | undefined
    }
  | {
      readonly command: 'infer'
      readonly file: string
      readonly out: string | undefined
      readonly name: string | undefined
    }

// Short forms and aliases are json-server's (`-s` is --static there, so the seed has none).
const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string', short: 'H' },
  db: { type: 'string' },
  seed: { type: 'string' },
  reset: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'read-only': { type: 'boolean' },
  ro: { type: 'boolean' },
  'fake-writes': { type: 'boolean' },
  delete: { type: 'string' },
  delay: { type: 'string', short: 'd' },
  'no-cors': { type: 'boolean' },
  nc: { type: 'boolean' },
  'no-gzip': { type: 'boolean' },
  ng: { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  static: { type: 'string', short: 's' },
  'body-limit': { type: 'string' },
  routes: { type: 'string', short: 'r' },
  base: { type: 'string' },
  snapshots: { type: 'string', short: 'S' },
  middlewares: { type: 'string', short: 'm', multiple: true },
  auth: { type: 'boolean' },
  'jwt-secret': { type: 'string' },
  'jwt-expires-in': { type: 'string' },
  'max-sessions': { type: 'string' },
  'session-idle': { type: 'string' },
  id: { type: 'string', short: 'i' },
  foreignKeySuffix: { type: 'string' },
  fks: { type: 'string' },
  out: { type: 'string', short: 'o' },
  dev: { type: 'boolean' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

const SERVE_ONLY = [
  'port',
  'host',
  'db',
  'reset',
  'quiet',
  'read-only',
  'ro',
  'fake-writes',
  'delete',
  'delay',
  'no-cors',
  'nc',
  'no-gzip',
  'ng',
  'watch',
  'static',
  'body-limit',
  'routes',
  'base',
  'snapshots',
  'middlewares',
  'auth',
  'jwt-secret',
  'jwt-expires-in',
  'max-sessions',
  'session-idle',
] as const

// Boolean flags json-server users write as `--no-cors=true` (yargs reads the value).
const BOOLEANS = new Set(
  Object.entries(OPTIONS)
    .filter(([, option]) => option.type === 'boolean')
    .map(([name]) => name),
)
const MODULE_FILE = /\.[cm]?[jt]s$/

/** Turns argv (without node and the script) into a command; throws UserError with one clear line. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { values, positionals } = parse(argv)
  const [first, ...rest] = positionals
  const named = COMMANDS.find((name) => name === first)
  const command: CommandName = named ?? 'serve'
  const args = named === undefined ? positionals : rest
  if (values.version === true) return { command: 'version' }
  if (values.help === true || (first === undefined && named === undefined)) {
    return { command: 'help', topic: named, asked: values.help === true }
  }
  if (args.length > 1) throw new UserError(`unexpected argument "${args[1]}" (see fauxrest --help)`)
  const file = args[0]
  if (file === undefined) throw new UserError(`missing file: fauxrest ${command} <file>`)
  if (command !== 'worker' && values.dev !== undefined) {
    throw new UserError('--dev only applies to worker')
  }
  if (command !== 'serve' && command !== 'worker') {
    const misplaced = SERVE_ONLY.find(
      (name) => values[name] !== undefined && !(name === 'auth' && command === 'types'),
    )
    if (misplaced !== undefined) throw new UserError(`--${misplaced} only applies to serve`)
  }
  if (
    command !== 'generate' &&
    command !== 'openapi' &&
    command !== 'types' &&
    command !== 'import' &&
    command !== 'infer' &&
    command !== 'worker' &&
    values.out
  ) {
    throw new UserError(`--out does not apply to ${command}`)
  }
  if (command !== 'infer' && values.name !== undefined) {
    throw new UserError('--name only applies to infer')
  }
  if (command === 'infer') return inferCommand(file, values)
  const seed = values.seed === undefined ? undefined : integer('--seed', values.seed, 0)
  const reading = schemaReading(values)
  switch (command) {
    case 'serve':
      return { command, file, flags: serveFlags(values, seed), reading }
    case 'worker':
      return { command, file, flags: workerFlags(values, seed), reading }
    case 'generate':
      return { command, file, out: values.out, seed, reading }
    case 'openapi':
      return { command, file, out: values.out, seed, reading }
    case 'import':
      return { command, file, out: values.out, seed }
    case 'check':
    case 'types':
      if (seed !== undefined) throw new UserError(`--seed does not apply to ${command}`)
      return command === 'check'
        ? { command, file, reading }
        : { command, file, out: values.out, auth: values.auth === true, reading }
  }
}

type Values = ReturnType<typeof parse>['values']

// Infer reads sample JSON, not a schema or a db: the reading and generating flags mean nothing.
function inferCommand(file: string, values: Values): CliCommand {
  const unused = (['seed', 'id', 'foreignKeySuffix', 'fks'] as const).find(
    (name) => values[name] !== undefined,
  )
  if (unused !== undefined) throw new UserError(`--${unused} does not apply to infer`)
  return { command: 'infer', file, out: values.out, name: values.name }
}

function parse(argv: readonly string[]) {
  try {
    const args = jsonServerForms(argv)
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // Node's own hints about positionals are noise here: keep its first sentence
    const first = message.split(/\.(?:\s|$)/)[0] ?? message
    throw new UserError(`${first} (see fauxrest --help)`)
  }
}

/**
 * json-server's argument forms, which yargs reads: `--no-cors=true` (`=false` drops the flag) and
 * `-m first.js second.js` (module files after `-m` are all middlewares).
 */
function jsonServerForms(argv: readonly string[]): string[] {
  const args: string[] = []
  // 'value': the next argument is the value of -m; 'more': module files after it are more of them
  let middlewares: 'value' | 'more' | undefined
  for (const arg of argv) {
    const flag = /^--([^=]+)=(true|false)$/.exec(arg)
    if (flag?.[1] !== undefined && BOOLEANS.has(flag[1])) {
      if (flag[2] === 'true') args.push(`--${flag[1]}`)
      middlewares = undefined
    } else if (middlewares === 'more' && !arg.startsWith('-') && MODULE_FILE.test(arg)) {
      args.push('--middlewares', arg)
    } else {
      args.push(arg)
      middlewares =
        arg === '-m' || arg === '--middlewares'
          ? 'value'
          : middlewares === 'value'
            ? 'more'
            : undefined
    }
  }
  return args
}

function serveFlags(values: Values, seed: number | undefined): ServeFlags {
  const deleteMode = values.delete ?? 'empty'
  if (!DELETE_MODES.some((mode) => mode === deleteMode)) {
    throw new UserError(`--delete must be one of ${DELETE_MODES.join(', ')}, not "${deleteMode}"`)
  }
  return {
    port: values.port === undefined ? 3000 : integer('--port', values.port, 0, 65_535),
    host: values.host ?? '127.0.0.1',
    db: values.db,
    seed,
    reset: values.reset === true,
    quiet: values.quiet === true,
    readOnly: values['read-only'] === true || values.ro === true,
    fakeWrites: values['fake-writes'] === true,
    deleteMode: deleteMode as DeleteMode,
    delay: values.delay === undefined ? undefined : parseDelay(values.delay),
    cors: values['no-cors'] !== true && values.nc !== true,
    watch: values.watch === true,
    staticDir: values.static,
    bodyLimit:
      values['body-limit'] === undefined
        ? 1024 * 1024
        : integer('--body-limit', values['body-limit'], 1),
    routes: values.routes,
    base: values.base === undefined ? '' : parseBasePath(values.base),
    snapshots: values.snapshots ?? '.',
    middlewares: values.middlewares ?? [],
    auth: values.auth === true,
    jwtSecret: values['jwt-secret'],
    jwtExpiresIn: values['jwt-expires-in'],
    maxSessions:
      values['max-sessions'] === undefined
        ? undefined
        : integer('--max-sessions', values['max-sessions'], 1),
    sessionIdle: values['session-idle'],
  }
}

// What a Worker cannot do, each refused in one line rather than dropped.
const NOT_IN_A_WORKER: readonly (readonly [keyof Values, string])[] = [
  ['static', 'a Worker serves no folder of files (put them on Workers static assets or a CDN)'],
  ['watch', 'a deployed Worker does not watch files (run fauxrest worker again after a change)'],
  ['middlewares', 'middleware files are not bundled into a Worker'],
  ['db', "a Worker's data lives in its Durable Object (POST /_import loads a db file)"],
  ['reset', 'a Worker starts from the schema; POST /_reset puts its data back'],
  ['base', 'a Worker serves at the root of its route (use a Workers route for a prefix)'],
  ['quiet', 'a Worker keeps no request log'],
  ['no-gzip', 'a Worker does not compress (Cloudflare compresses answers)'],
  ['ng', 'a Worker does not compress (Cloudflare compresses answers)'],
]

function workerFlags(values: Values, seed: number | undefined): WorkerFlags {
  for (const [name, reason] of NOT_IN_A_WORKER) {
    if (values[name] !== undefined)
      throw new UserError(`--${name} cannot apply to worker: ${reason}`)
  }
  const dev = values.dev === true
  if (!dev && values.out === undefined) {
    throw new UserError('missing --out DIR: fauxrest worker <file> --out DIR (or --dev to try it)')
  }
  if (!dev) {
    const local = (['port', 'host'] as const).find((name) => values[name] !== undefined)
    if (local !== undefined) throw new UserError(`--${local} only applies to worker --dev`)
  }
  const serve = serveFlags(values, seed)
  return {
    seed,
    readOnly: serve.readOnly,
    fakeWrites: serve.fakeWrites,
    deleteMode: serve.deleteMode,
    delay: serve.delay,
    cors: serve.cors,
    bodyLimit: serve.bodyLimit,
    routes: serve.routes,
    auth: serve.auth,
    jwtSecret: serve.jwtSecret,
    jwtExpiresIn: serve.jwtExpiresIn,
    maxSessions: serve.maxSessions,
    sessionIdle: serve.sessionIdle,
    out: values.out,
    dev,
    port: values.port === undefined ? 8787 : serve.port,
    host: serve.host,
  }
}

function schemaReading(values: Values): SchemaOptions {
  const suffix = foreignKeySuffix(values)
  return {
    ...(values.id === undefined ? {} : { idKey: fieldName('--id', values.id) }),
    ...(suffix === undefined ? {} : { foreignKeySuffix: suffix }),
  }
}

function foreignKeySuffix(values: Values): string | undefined {
  const { foreignKeySuffix: long, fks } = values
  if (long !== undefined && fks !== undefined && long !== fks) {
    throw new UserError(`--foreignKeySuffix and --fks say different things ("${long}", "${fks}")`)
  }
  const suffix = long ?? fks
  return suffix === undefined ? undefined : fieldName('--foreignKeySuffix', suffix)
}

function fieldName(flag: string, text: string): string {
  if (text === '' || text.includes('.') || FORBIDDEN_KEYS.has(text)) {
    throw new UserError(`${flag} must be a field name (like _id), not "${text}"`)
  }
  return text
}

export function parseDelay(text: string): Delay {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim())
  const min = Number(match?.[1])
  const max = match?.[2] === undefined ? min : Number(match[2])
  if (match === null || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
    throw new UserError(
      `--delay must be MS or MIN-MAX in milliseconds (e.g. 300 or 200-800), not "${text}"`,
    )
  }
  return { min, max }
}

function integer(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`
    throw new UserError(`${name} must be an integer ${range}, not "${text}"`)
  }
  return value
}
