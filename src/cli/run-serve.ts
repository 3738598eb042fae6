import { isAbsolute, relative } from 'node:path'
import { createLazyFakerCatalog } from '../generate/lazy-faker-catalog.ts'
import { openMock } from '../mock.ts'
import { loadSchema } from '../node/load-schema.ts'
import type { CliIo } from './cli-io.ts'
import { listenWatching, type Serving } from './listen-watching.ts'
import { renderBanner } from './render-banner.ts'
import { readServedFile, type ServeCommand } from './served-file.ts'
import { serveOptions } from './serve-options.ts'
import { snapshotsOnRequest } from './snapshots.ts'
import { VERSION } from './version.ts'

export async function runServe(command: ServeCommand, io: CliIo): Promise<number> {
  const { file, flags, reading } = command
  const catalog = createLazyFakerCatalog()
  const { path, source, loaded, db } = await readServedFile(command, io, catalog)
  const { options, routesFile, routes, snapshotDir } = await serveOptions(flags, io, db)
  const mock = await openMock(loaded, options)
  const shown = (target: string): string => {
    const inside = relative(io.cwd, target)
    return target === ':memory:' || inside.startsWith('..') || isAbsolute(inside) ? target : inside
  }
  const { server, live, routesWatch }: Serving =
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
