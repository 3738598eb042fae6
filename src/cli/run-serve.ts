import { existsSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { UserError } from '../errors.ts'
import { createLazyFakerCatalog } from '../generate/lazy-faker-catalog.ts'
import { serveFetch, type Listening } from '../node/serve-fetch.ts'
import { openMock, withGuards, type Mock, type MockOptions } from '../mock.ts'
import { loadSchema } from '../node/load-schema.ts'
import { isDbSource, loadDbSource } from '../node/load-db-source.ts'
import { loadRoutesFile } from '../node/load-routes.ts'
import { loadMiddlewares } from '../node/load-middlewares.ts'
import { RouteRules } from '../rewrite/route-rules.ts'
import { prefixStrippers } from '../rewrite/prefix-strippers.ts'
import type { RoutesFile } from '../rewrite/routes-file.ts'
import { resolveAuth } from '../auth/resolve-auth.ts'
import type { Schema } from '../schema/types.ts'
import { watchMock, type LiveMock } from '../watch/live-mock.ts'
import type { FileWatcher } from '../watch/watch-files.ts'
import { watchRoutes } from '../watch/watch-routes.ts'
import type { CliIo } from './cli-io.ts'
import { formatError } from './format-error.ts'
import type { CliCommand, ServeFlags } from './parse-cli-args.ts'
import { progressBar } from './progress-bar.ts'
import { renderBanner } from './render-banner.ts'
import { snapshotsOnRequest } from './snapshots.ts'
import { createStarterDb } from './starter-db.ts'
import { VERSION } from './version.ts'
import { serveModes } from './serve-modes.ts'

type ServeCommand = Extract<CliCommand, { command: 'serve' }>

export async function runServe(command: ServeCommand, io: CliIo): Promise<number> {
  const { file, flags, reading } = command
  const path = resolve(io.cwd, file)
  // json-server's other sources, a JavaScript module or a URL, are read once, at start
  const source = isDbSource(file)
  if (!source && (await createStarterDb(path, file))) {
    io.out(
      `fauxrest: ${file} did not exist: created it with a starter dataset (posts, comments, profile)\n`,
    )
  }
  const catalog = createLazyFakerCatalog()
  const loaded = source
    ? await loadSchema(await loadDbSource(file, io.cwd), catalog, reading, file)
    : await loadSchema(path, catalog, reading)
  for (const warning of loaded.warnings ?? []) io.err(`fauxrest: warning: ${file}: ${warning}\n`)
  const plain = loaded.plainData !== undefined
  const fileIsDb = plain && !source
  if (fileIsDb) refuseSchemaFlags(file, flags)
  const db = databaseOf(fileIsDb ? path : flags.db, plain, io.cwd)
  if (source && flags.watch) {
    io.err(`fauxrest: warning: --watch does not reload ${file}: it is read once, at start\n`)
  }
  const { staticDir, snapshotDir } = foldersOf(flags, io.cwd)
  const bar = io.interactive ? progressBar(io.err) : undefined
  const routesFile = flags.routes === undefined ? undefined : resolve(io.cwd, flags.routes)
  const routes =
    routesFile === undefined ? undefined : new RouteRules(await loadRoutesFile(routesFile))
  for (const warning of prefixStrippers(routes?.current.rules ?? {}, flags.base)) {
    io.err(`fauxrest: warning: ${flags.routes ?? ''}: ${warning}\n`)
  }
  const options: Omit<MockOptions, 'schema'> = {
    db,
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    reset: flags.reset,
    ...serveModes(flags),
    staticDir,
    log: flags.quiet ? undefined : (line: string) => io.out(`${line}\n`),
    ...(bar === undefined ? {} : { onProgress: bar }),
    ...(routes === undefined ? {} : { routes }),
    base: flags.base,
    ...(flags.maxSessions === undefined ? {} : { maxSessions: flags.maxSessions }),
    ...(flags.sessionIdle === undefined ? {} : { sessionIdle: flags.sessionIdle }),
    middlewares: await loadMiddlewares(flags.middlewares, io.cwd),
    ...authOption(flags),
  }
  const mock = await openMock(loaded, options)
  const shown = (target: string): string => {
    const inside = relative(io.cwd, target)
    return target === ':memory:' || inside.startsWith('..') || isAbsolute(inside) ? target : inside
  }
  const { server, live, routesWatch } =
    flags.watch && !source
      ? await listenWatching(mock, {
          loaded,
          options,
          flags,
          io,
          files: { schema: path, db, routes: routesFile },
          routes,
          load: (target) => loadSchema(target, catalog, reading),
          shown,
        })
      : { server: await mock.listen(flags.port, flags.host), live: undefined }
  io.out(
    renderBanner(mock, {
      version: VERSION,
      file,
      db: shown(db),
      url: server.url,
      color: io.color,
      rules: routes?.current.rules,
      snapshots: io.lines === undefined ? undefined : shown(snapshotDir) || '.',
    }),
  )
  const stopSnapshots = snapshotsOnRequest(io, snapshotDir, () =>
    (live?.current() ?? mock).store.data(),
  )
  const signal = await io.stopRequested()
  io.err(`fauxrest: ${signal} received, finishing requests in flight and saving…\n`)
  await stopSnapshots()
  routesWatch?.close()
  // Event streams never end by themselves: they end once the writes under way are saved and sent.
  await Promise.all([server.close(), (live?.current() ?? mock).endStreams()])
  await (live ?? mock).close()
  return 0
}

type WatchContext = {
  readonly loaded: Awaited<ReturnType<typeof loadSchema>>
  readonly options: Omit<MockOptions, 'schema'>
  readonly flags: ServeFlags
  readonly io: CliIo
  readonly files: { schema: string; db: string; routes: string | undefined }
  readonly routes: RouteRules | undefined
  readonly load: (file: string) => ReturnType<typeof loadSchema>
  /** A path as the banner and log show it. */
  readonly shown: (target: string) => string
}

type Serving = {
  readonly server: Listening
  readonly live: LiveMock | undefined
  readonly routesWatch?: FileWatcher | undefined
}

// `--watch`: the schema, the data file and the routes file reload while the server answers.
async function listenWatching(mock: Mock, watch: WatchContext): Promise<Serving> {
  const { options, flags, io, files, routes, shown } = watch
  const warn = (error: unknown, keeping: string): void =>
    io.err(withKeeping(formatError(error), keeping))
  const log = options.log ?? (() => undefined)
  let live: LiveMock | undefined
  let routesWatch: FileWatcher | undefined
  try {
    live = await watchMock(mock, watch.loaded, {
      schemaFile: files.schema,
      dbFile: files.db === ':memory:' ? undefined : files.db,
      schemaLabel: shown(files.schema),
      dbLabel: shown(files.db),
      load: watch.load,
      // The same feed: streams stay connected across reloads, and hear a reset.
      open: (next) => openMock(next, { ...options, reset: false }, mock.feed),
      log,
      warn,
    })
    const watched = live
    const routesFile = files.routes
    if (routesFile !== undefined && routes !== undefined) {
      // New guards reopen the mock, which resolves auth with them (a bad guard is refused).
      routesWatch = watchRoutes(routesFile, routes, {
        label: shown(routesFile),
        log,
        warn,
        check: (next) => checkGuards(watched.current().schema, options.auth, next),
        guardsChanged: () => watched.refresh(`guards of ${shown(routesFile)}`),
      })
    }
    const server = await serveFetch(live.fetch, {
      port: flags.port,
      host: flags.host,
      bodyLimit: flags.bodyLimit,
    })
    return { server, live, routesWatch }
  } catch (error) {
    routesWatch?.close()
    await (live ?? mock).close()
    throw error
  }
}

// A plain db file is served and written back as it is: the flags that regenerate it do not apply.
function refuseSchemaFlags(file: string, flags: ServeFlags): void {
  if (flags.db !== undefined) {
    throw new UserError(
      `--db applies to schemas: ${file} is a plain database, served and written back as it is`,
    )
  }
  if (flags.reset) {
    throw new UserError(
      `--reset needs a schema: ${file} is a plain database with nothing to regenerate from`,
    )
  }
}

// The static folder (`--static`, else `./public` when there is one) and the snapshots folder.
function foldersOf(
  flags: ServeFlags,
  cwd: string,
): { staticDir: string | undefined; snapshotDir: string } {
  const publicDir = resolve(cwd, 'public')
  const staticDir = flags.staticDir ?? (existsSync(publicDir) ? publicDir : undefined)
  if (flags.staticDir !== undefined && !isFolder(resolve(cwd, flags.staticDir))) {
    // `-s 42` was the seed before -s became --static, as in json-server
    const hint = /^\d+$/.test(flags.staticDir) ? ' (-s is --static; the seed is --seed)' : ''
    throw new UserError(`--static ${flags.staticDir}: no such folder${hint}`)
  }
  const snapshotDir = resolve(cwd, flags.snapshots)
  if (!isFolder(snapshotDir)) throw new UserError(`--snapshots ${flags.snapshots}: no such folder`)
  return { staticDir: staticDir === undefined ? undefined : resolve(cwd, staticDir), snapshotDir }
}

// A refused reload: the message, then what the server goes on with.
function withKeeping(message: string, keeping: string): string {
  const [first = '', ...rest] = message.split('\n')
  return [`${first} (keeping ${keeping})`, ...rest].join('\n')
}

/**
 * The database file: a plain db file is its own; a schema's is `--db` or `./db.json`; a plain db
 * read from a module or a URL is kept in memory unless `--db` names a file.
 */
function databaseOf(given: string | undefined, plain: boolean, cwd: string): string {
  if (given === ':memory:' || (given === undefined && plain)) return ':memory:'
  return resolve(cwd, given ?? 'db.json')
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true
}

// The auth a mock would resolve with these guards: throws a UserError for a guard it cannot use.
function checkGuards(schema: Schema, auth: MockOptions['auth'], next: RoutesFile): void {
  resolveAuth(schema, withGuards(auth, next.guards))
}

// Either JWT option turns auth on as --auth does.
function authOption(flags: ServeFlags): Pick<MockOptions, 'auth'> {
  const { jwtSecret, jwtExpiresIn } = flags
  if (!flags.auth && jwtSecret === undefined && jwtExpiresIn === undefined) return {}
  return { auth: { secret: jwtSecret, expiresIn: jwtExpiresIn } }
}
