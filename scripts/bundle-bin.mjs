// The command-line entry as one file, with the packages it needs to serve: loading fauxrest's own
// ~130 small modules one by one took about a third of the time to the first answer (Node 20 keeps
// no compile cache), and resolving and loading hono's, faker's and the rest's ~100 files took a
// fifth of what was left (measured on the JSONPlaceholder db: 0.80x the CPU time to the first
// answer). Minified, it compiles in 0.89x the CPU time of the readable bundle (963 kB instead of
// 1.4 MB; faker's English data is 434 kB of it); the source map keeps stack traces readable.
// Only the packages every start loads are bundled; the rest (an OpenAPI document's
// parsers, loaded on demand; the docs page's assets, read as files; optional peers) stay external.
// dist/index.js and the other modules tsc emits remain the programmatic API, importing the
// packages as usual.
// The bundle is dist/cli.cjs, a script in CommonJS shape; dist/bin.js (scripts/bin-loader.mjs)
// runs it through V8's code cache, which Node 20 offers only to scripts: with the cache a start
// takes 0.9x the CPU time to the first answer.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { buildWorkerRuntime } from './worker-runtime.mjs'

const BUNDLED = new Set([
  '@faker-js/faker',
  '@hono/node-server',
  'bcryptjs',
  'hono',
  'lowdb',
  're2js',
  'steno',
])

/** Leaves every bare import external but those of the packages named. */
function bundleOnly(packages) {
  return {
    name: 'bundle-only',
    setup(context) {
      context.onResolve({ filter: /^[^./]/ }, ({ path }) => {
        const parts = path.split('/')
        const name = path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
        return packages.has(name) ? undefined : { path, external: true }
      })
    },
  }
}

/**
 * The bundle runs as a script, and Node 20 lets a script's `import()` work only behind a flag:
 * src/node/import-module.ts, the one place modules are loaded on demand, calls the loader's
 * `import()` instead (`__import`, given to the bundle with `require` and `module`).
 */
const loaderImport = {
  name: 'loader-import',
  setup(context) {
    context.onLoad({ filter: /[\\/]src[\\/]node[\\/]import-module\.ts$/ }, () => ({
      contents: 'export const importModule = (specifier) => __import(specifier)\n',
      loader: 'js',
    }))
  },
}

/**
 * Checking a schema asks faker which methods exist and what each call returns (by sampling it), and
 * loading faker for that was most of a start's compile time. The bundle answers from a table made
 * here from the faker it bundles: every method without args, and every call of the schemas in
 * data/. Faker is then loaded only to generate, or for a call the table lacks.
 */
async function fakerTable(outdir) {
  const built = pathToFileURL(resolve(outdir, 'generate', 'build-faker-table.js'))
  const { buildFakerTable } = await import(built.href)
  const manifest = createRequire(import.meta.url).resolve('@faker-js/faker/package.json')
  const { version } = JSON.parse(await readFile(manifest, 'utf8'))
  const data = new URL('../data/', import.meta.url)
  const names = (await readdir(data)).filter((name) => name.endsWith('.json')).toSorted()
  const documents = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(new URL(name, data), 'utf8'))),
  )
  // Sampling every method calls the deprecated ones too, and faker warns of each on the console.
  const warn = console.warn
  console.warn = () => undefined
  let table
  try {
    table = buildFakerTable(documents, version)
  } finally {
    console.warn = warn
  }
  return {
    name: 'faker-table',
    setup(context) {
      const filter = /[\\/]src[\\/]generate[\\/]bundled-faker-table\.ts$/
      context.onLoad({ filter }, () => ({
        contents: `export const FAKER_TABLE = ${JSON.stringify(table)}\n`,
        loader: 'js',
      }))
    },
  }
}

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } })

const outfile = `${values.outdir}/cli.cjs`
await build({
  stdin: {
    contents:
      "import { runProcess } from './src/cli/run-process.ts'\n" +
      'runProcess().then((code) => { process.exitCode = code })\n',
    resolveDir: '.',
    sourcefile: 'cli.ts',
    loader: 'ts',
  },
  outfile,
  bundle: true,
  plugins: [bundleOnly(BUNDLED), loaderImport, await fakerTable(values.outdir)],
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // A CommonJS script has no import.meta: the loader passes the bundle's URL in.
  define: { 'import.meta.url': '__bundleUrl' },
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
})
const hash = createHash('sha256')
  .update(await readFile(outfile))
  .digest('hex')
  .slice(0, 16)
const loader = await readFile(new URL('./bin-loader.mjs', import.meta.url), 'utf8')
const marker = "const BUNDLE_HASH = 'development'"
if (!loader.includes(marker)) throw new Error(`scripts/bin-loader.mjs lacks ${marker}`)
await writeFile(`${values.outdir}/bin.js`, loader.replace(marker, `const BUNDLE_HASH = '${hash}'`))
// tsc's map of src/bin.ts describes a file that is no longer there.
await rm(`${values.outdir}/bin.js.map`, { force: true })

// The Worker runtime `fauxrest worker` writes out (esbuild is a dev dependency: built here).
await buildWorkerRuntime(`${values.outdir}/worker-runtime.js`)
