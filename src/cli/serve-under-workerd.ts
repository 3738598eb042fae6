import { join, relative } from 'node:path'
import { UserError } from '../errors.ts'
import type { MiniflareModule } from '../node/load-miniflare.ts'
import { withoutNewSignalHandlers } from '../node/without-new-signal-handlers.ts'
import { COMPATIBILITY_DATE, objectBindings } from '../worker/worker-project.ts'
import type { CliIo } from './cli-io.ts'
import type { WorkerFlags } from './parse-cli-args.ts'

/** A Worker project as `fauxrest worker` wrote it. */
export type WrittenWorker = {
  readonly name: string
  /** The project's folder: worker.js, and the objects' state in `state/`. */
  readonly out: string
  readonly stateless: boolean
}

/** `--dev`: serves the written Worker under workerd until a signal, then stops workerd. */
export async function serveUnderWorkerd(
  miniflare: MiniflareModule,
  { name, out, stateless }: WrittenWorker,
  flags: WorkerFlags,
  io: CliIo,
): Promise<number> {
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
