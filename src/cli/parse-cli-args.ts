import { parseArgs } from 'node:util'
import { UserError } from '../errors.ts'
import { DELETE_MODES, type Delay, type DeleteMode } from '../app-options.ts'

export const COMMANDS = ['serve', 'generate', 'check', 'openapi', 'types'] as const
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
}

export type CliCommand =
  | { readonly command: 'help'; readonly topic: CommandName | undefined; readonly asked: boolean }
  | { readonly command: 'version' }
  | { readonly command: 'serve'; readonly file: string; readonly flags: ServeFlags }
  | {
      readonly command: 'generate'
      readonly file: string
      readonly out: string | undefined
      readonly seed: number | undefined
    }
  | { readonly command: 'check'; readonly file: string }
  | {
      readonly command: 'openapi'
      readonly file: string
      readonly out: string | undefined
      readonly seed: number | undefined
    }
  | { readonly command: 'types'; readonly file: string; readonly out: string | undefined }

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string', short: 'H' },
  db: { type: 'string' },
  seed: { type: 'string', short: 's' },
  reset: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'read-only': { type: 'boolean' },
  'fake-writes': { type: 'boolean' },
  delete: { type: 'string' },
  delay: { type: 'string' },
  'no-cors': { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  static: { type: 'string' },
  'body-limit': { type: 'string' },
  out: { type: 'string', short: 'o' },
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
  'fake-writes',
  'delete',
  'delay',
  'no-cors',
  'watch',
  'static',
  'body-limit',
] as const

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
  if (command !== 'serve') {
    const misplaced = SERVE_ONLY.find((name) => values[name] !== undefined)
    if (misplaced !== undefined) throw new UserError(`--${misplaced} only applies to serve`)
  }
  if (command !== 'generate' && command !== 'openapi' && command !== 'types' && values.out) {
    throw new UserError(`--out does not apply to ${command}`)
  }
  const seed = values.seed === undefined ? undefined : integer('--seed', values.seed, 0)
  switch (command) {
    case 'serve':
      return { command, file, flags: serveFlags(values, seed) }
    case 'generate':
      return { command, file, out: values.out, seed }
    case 'openapi':
      return { command, file, out: values.out, seed }
    case 'check':
    case 'types':
      if (seed !== undefined) throw new UserError(`--seed does not apply to ${command}`)
      return command === 'check' ? { command, file } : { command, file, out: values.out }
  }
}

type Values = ReturnType<typeof parse>['values']

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // Node's own hints about positionals are noise here: keep its first sentence
    const first = message.split(/\.(?:\s|$)/)[0] ?? message
    throw new UserError(`${first} (see fauxrest --help)`)
  }
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
    readOnly: values['read-only'] === true,
    fakeWrites: values['fake-writes'] === true,
    deleteMode: deleteMode as DeleteMode,
    delay: values.delay === undefined ? undefined : parseDelay(values.delay),
    cors: values['no-cors'] !== true,
    watch: values.watch === true,
    staticDir: values.static,
    bodyLimit:
      values['body-limit'] === undefined
        ? 1024 * 1024
        : integer('--body-limit', values['body-limit'], 1),
  }
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
