import { resolve } from 'node:path'
import type { AuthOptions } from '../auth/resolve-auth.ts'
import { resolveAuth } from '../auth/resolve-auth.ts'
import { parseJsonText } from '../json-text.ts'
import { openMock, sessionOptions, withGuards } from '../mock.ts'
import { readUserFile } from '../node/read-user-file.ts'
import { parseRoutesFile } from '../rewrite/routes-file.ts'
import type { LoadedSchema } from '../schema/schema-document.ts'
import { isStateless, type WorkerConfig } from '../worker/worker-config.ts'
import type { CliIo } from './cli-io.ts'
import type { CliCommand, WorkerFlags } from './parse-cli-args.ts'
import { serveModes } from './serve-modes.ts'

export type WorkerCommand = Extract<CliCommand, { command: 'worker' }>

/**
 * The Worker's configuration from the flags: the routes file and auth checked as the server checks
 * them, and, stateless, the data generated now and built in.
 */
export async function workerConfigOf(
  name: string,
  document: unknown,
  loaded: LoadedSchema,
  command: WorkerCommand,
  io: CliIo,
): Promise<WorkerConfig> {
  const { flags, reading } = command
  const rules = flags.routes === undefined ? undefined : await readRules(flags.routes, io)
  const guards = rules === undefined ? undefined : parseRoutesFile(rules, flags.routes ?? '')
  const auth = withGuards(authOptions(flags), guards?.guards)
  // Checked now, so a Worker that could not start is never written.
  resolveAuth(loaded.schema, auth)
  const options = serveModes(flags)
  const sessions = sessionOptions({
    ...(flags.maxSessions === undefined ? {} : { maxSessions: flags.maxSessions }),
    ...(flags.sessionIdle === undefined ? {} : { sessionIdle: flags.sessionIdle }),
  })
  const config: WorkerConfig = {
    name,
    document,
    reading,
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    options,
    ...(auth === undefined ? {} : { auth }),
    ...(rules === undefined ? {} : { routes: rules }),
    ...(Object.keys(sessions).length === 0 ? {} : { sessions }),
  }
  if (!isStateless(config) || loaded.plainData !== undefined) return config
  // Stateless: the data is generated now, as the Node server generates it, and built in.
  const mock = await openMock(loaded, {
    db: ':memory:',
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(auth === undefined ? {} : { auth }),
  })
  const data = structuredClone(mock.store.data())
  await mock.close()
  return { ...config, data }
}

function authOptions(flags: WorkerFlags): boolean | AuthOptions | undefined {
  const given: AuthOptions = {
    ...(flags.jwtSecret === undefined ? {} : { secret: flags.jwtSecret }),
    ...(flags.jwtExpiresIn === undefined ? {} : { expiresIn: flags.jwtExpiresIn }),
  }
  if (Object.keys(given).length > 0) return given
  return flags.auth ? true : undefined
}

async function readRules(file: string, io: CliIo): Promise<Record<string, string | number>> {
  const path = resolve(io.cwd, file)
  const text = (await readUserFile(path, `routes file ${file}`)).toString('utf8')
  const value = parseJsonText(text, file)
  // Checked as the server checks it; the Worker gets the rules as written.
  parseRoutesFile(value, file)
  return value as Record<string, string | number>
}
