import { resolveAuth } from '../auth/resolve-auth.ts'
import { openMock, withGuards, type Mock, type MockOptions } from '../mock.ts'
import { serveFetch, type Listening } from '../node/serve-fetch.ts'
import type { RouteRules } from '../rewrite/route-rules.ts'
import type { RoutesFile } from '../rewrite/routes-file.ts'
import type { LoadedSchema } from '../schema/schema-document.ts'
import type { Schema } from '../schema/types.ts'
import { watchMock, type LiveMock } from '../watch/live-mock.ts'
import type { FileWatcher } from '../watch/watch-files.ts'
import { watchRoutes } from '../watch/watch-routes.ts'
import type { CliIo } from './cli-io.ts'
import { formatError } from './format-error.ts'
import type { ServeFlags } from './parse-cli-args.ts'

/** What `--watch` reloads, and how the server answered until then was made. */
export type WatchContext = {
  readonly loaded: LoadedSchema
  readonly options: Omit<MockOptions, 'schema'>
  readonly flags: ServeFlags
  readonly io: CliIo
  readonly files: { schema: string; db: string; routes: string | undefined }
  readonly routes: RouteRules | undefined
  readonly load: (file: string) => Promise<LoadedSchema>
  /** A path as the banner and log show it. */
  readonly shown: (target: string) => string
}

export type Serving = {
  readonly server: Listening
  readonly live: LiveMock | undefined
  readonly routesWatch?: FileWatcher | undefined
}

// `--watch`: the schema, the data file and the routes file reload while the server answers.
export async function listenWatching(mock: Mock, watch: WatchContext): Promise<Serving> {
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

// A refused reload: the message, then what the server goes on with.
function withKeeping(message: string, keeping: string): string {
  const [first = '', ...rest] = message.split('\n')
  return [`${first} (keeping ${keeping})`, ...rest].join('\n')
}

// The auth a mock would resolve with these guards: throws a UserError for a guard it cannot use.
function checkGuards(schema: Schema, auth: MockOptions['auth'], next: RoutesFile): void {
  resolveAuth(schema, withGuards(auth, next.guards))
}
