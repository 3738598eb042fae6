import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { UserError } from '../errors.ts'
import type { MockOptions } from '../mock.ts'
import { loadMiddlewares } from '../node/load-middlewares.ts'
import { loadRoutesFile } from '../node/load-routes.ts'
import { prefixStrippers } from '../rewrite/prefix-strippers.ts'
import { RouteRules } from '../rewrite/route-rules.ts'
import type { CliIo } from './cli-io.ts'
import type { ServeFlags } from './parse-cli-args.ts'
import { progressBar } from './progress-bar.ts'
import { serveModes } from './serve-modes.ts'

/** The mock's options as the flags give them, and the files they name. */
export type ServeOptions = {
  readonly options: Omit<MockOptions, 'schema'>
  /** The routes file, resolved, and its rules. */
  readonly routesFile: string | undefined
  readonly routes: RouteRules | undefined
  /** Where `s` + Enter saves snapshots. */
  readonly snapshotDir: string
}

/** Reads the files the flags name (routes, middlewares) and checks their folders. */
export async function serveOptions(
  flags: ServeFlags,
  io: CliIo,
  db: string,
): Promise<ServeOptions> {
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
  return { options, routesFile, routes, snapshotDir }
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

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true
}

// Either JWT option turns auth on as --auth does.
function authOption(flags: ServeFlags): Pick<MockOptions, 'auth'> {
  const { jwtSecret, jwtExpiresIn } = flags
  if (!flags.auth && jwtSecret === undefined && jwtExpiresIn === undefined) return {}
  return { auth: { secret: jwtSecret, expiresIn: jwtExpiresIn } }
}
