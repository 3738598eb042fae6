import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import type { AuthOptions } from '../auth/resolve-auth.ts'
import { resolveAuth } from '../auth/resolve-auth.ts'
import { UserError } from '../errors.ts'
import { createLazyFakerCatalog } from '../generate/lazy-faker-catalog.ts'
import { parseJsonText } from '../json-text.ts'
import { openMock, sessionOptions, withGuards } from '../mock.ts'
import { loadMiniflare } from '../node/load-miniflare.ts'
import { withoutNewSignalHandlers } from '../node/without-new-signal-handlers.ts'
import { isOpenApiSource, parseDocumentText } from '../node/load-openapi.ts'
import { readUserFile } from '../node/read-user-file.ts'
import { readWorkerRuntime } from '../node/worker-runtime-file.ts'
import { parseRoutesFile } from '../rewrite/routes-file.ts'
import { checkWithCatalog } from '../schema/check-with-catalog.ts'
import { schemaFromDocument, type LoadedSchema } from '../schema/schema-document.ts'
import { isStateless, type WorkerConfig } from '../worker/worker-config.ts'
import {
  COMPATIBILITY_DATE,
  objectBindings,
  workerName,
  workerReadme,
  wranglerConfig,
} from '../worker/worker-project.ts'
import { workerScript } from '../worker/worker-script.ts'
import type { CliIo } from './cli-io.ts'
import type { CliCommand, WorkerFlags } from './parse-cli-args.ts'
import { VERSION } from './version.ts'
import { serveModes } from './serve-modes.ts'

type WorkerCommand = Extract<CliCommand, { command: 'worker' }>

/** The folder `--dev` writes the Worker to when no --out is given; its objects' state beside it. */
export const DEV_FOLDER = '.fauxrest-worker'

/**
 * `fauxrest worker <file> --out DIR`: a Worker project `wrangler deploy` takes (worker.js,
 * wrangler.jsonc, README.md). With --dev it is then served under workerd on this machine.
 */
export async function runWorker(command: WorkerCommand, io: CliIo): Promise<number> {
  const { file, flags, reading } = command
  // Without miniflare --dev cannot run: say so before anything is written.
  const miniflare = flags.dev ? await loadMiniflare() : undefined
  const path = resolve(io.cwd, file)
  const document = await parseDocumentText((await readUserFile(path)).toString('utf8'), path)
  if (isOpenApiSource(document)) {
    throw new UserError(
      `${file} is an OpenAPI document, which a Worker cannot serve yet: fauxrest import ${file} --out schema.json gives a schema it can`,
    )
  }
  const catalog = createLazyFakerCatalog()
  const loaded = await checkWithCatalog(catalog, () =>
    schemaFromDocument(document, file, { catalog, options: reading, copy: true }),
  )
  const name = workerName(file)
  const config = await buildConfig(name, document, loaded, command, io)
  const stateless = isStateless(config)
  const out = resolve(io.cwd, flags.out ?? DEV_FOLDER)
  await mkdir(out, { recursive: true })
  const script = workerScript(config, await readWorkerRuntime(), VERSION)
  await writeFile(join(out, 'worker.js'), script)
  await writeFile(join(out, 'wrangler.jsonc'), wranglerConfig(name, stateless))
  await writeFile(join(out, 'README.md'), workerReadme(name, file, stateless))
  const shown = relative(io.cwd, out) || '.'
  const size = `${Math.round(Buffer.byteLength(script) / 1024)} KiB`
  io.err(`fauxrest: wrote ${shown}/worker.js (${size}), wrangler.jsonc and README.md\n`)
  if (existsSync(resolve(io.cwd, 'public'))) {
    io.err('fauxrest: note: ./public is not part of the Worker (a Worker serves no folder)\n')
  }
  if (miniflare === undefined) {
    io.err(`fauxrest: deploy with: cd ${shown} && npx wrangler deploy\n`)
    return 0
  }
  const state = join(out, 'state')
  // Asked first, so a signal while workerd starts is not lost.
  const stop = io.stopRequested()
  const mf = withoutNewSignalHandlers(
    () =>
      new miniflare.Miniflare({
        scriptPath: join(out, 'worker.js'),
        modulesRoot: out,
        modules: true,
        compatibilityDate: COMPATIBILITY_DATE,
        durableObjects: objectBindings(stateless),
        durableObjectsPersist: state,
        host: flags.host,
        port: flags.port,
      }),
  )
  let url: URL
  try {
    url = await mf.ready
  } catch (error) {
    await mf.dispose().catch(() => undefined)
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserError(`cannot serve the Worker on ${flags.host}:${flags.port}: ${reason}`)
  }
  const where = stateless ? 'no state' : `state in ${relative(io.cwd, state) || state}`
  io.out(`fauxrest worker: ${name} under workerd on ${url.origin} (${where})\n`)
  // Every answered write is already committed to the objects' storage: stopping workerd loses none.
  const signal = await stop
  io.err(`fauxrest: ${signal} received, stopping workerd…\n`)
  await mf.dispose()
  return 0
}

async function buildConfig(
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
