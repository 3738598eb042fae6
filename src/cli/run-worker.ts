import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { UserError } from '../errors.ts'
import { createLazyFakerCatalog } from '../generate/lazy-faker-catalog.ts'
import { loadMiniflare } from '../node/load-miniflare.ts'
import { isOpenApiSource, parseDocumentText } from '../node/load-openapi.ts'
import { readUserFile } from '../node/read-user-file.ts'
import { readWorkerRuntime } from '../node/worker-runtime-file.ts'
import { checkWithCatalog } from '../schema/check-with-catalog.ts'
import { schemaFromDocument } from '../schema/schema-document.ts'
import { isStateless } from '../worker/worker-config.ts'
import { workerName, workerReadme, wranglerConfig } from '../worker/worker-project.ts'
import { workerScript } from '../worker/worker-script.ts'
import type { CliIo } from './cli-io.ts'
import { serveUnderWorkerd } from './serve-under-workerd.ts'
import { VERSION } from './version.ts'
import { workerConfigOf, type WorkerCommand } from './worker-config-of.ts'

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
  const config = await workerConfigOf(name, document, loaded, command, io)
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
  return serveUnderWorkerd(miniflare, { name, out, stateless }, flags, io)
}
