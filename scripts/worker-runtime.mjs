// The Worker runtime `fauxrest worker` writes out: fauxrest's runtime-neutral core, the Durable
// Object persistence and Swagger UI's files in one ES module with no imports. It reads its
// configuration from a `FAUXREST_CONFIG` constant that `fauxrest worker` declares in front of it.
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const ROOT = new URL('..', import.meta.url).pathname
const DOCS_ASSETS = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
  'favicon-16x16.png',
]

const ENTRY = `
import { workerModule } from './src/worker/worker-module.ts'
${DOCS_ASSETS.map((name, at) => `import asset${at} from 'docs-asset:${name}'`).join('\n')}
const worker = workerModule(FAUXREST_CONFIG, {
${DOCS_ASSETS.map((name, at) => `  ${JSON.stringify(name)}: asset${at},`).join('\n')}
})
export default worker.handler
export const FauxrestDatabase = worker.Database
export const FauxrestSession = worker.Session
`

/** Swagger UI's files as modules: text, or bytes for the icons. */
const docsAssets = {
  name: 'docs-assets',
  setup(builder) {
    const folder = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
    builder.onResolve({ filter: /^docs-asset:/ }, (args) => ({
      path: join(folder, args.path.slice('docs-asset:'.length)),
      namespace: 'docs-asset',
    }))
    builder.onLoad({ filter: /.*/, namespace: 'docs-asset' }, async (args) => ({
      contents: await readFile(args.path),
      loader: args.path.endsWith('.png') ? 'binary' : 'text',
    }))
  },
}

// bcryptjs takes the Web Crypto API and imports Node's `crypto` only as a fallback.
const noNodeCryptoFallback = {
  name: 'no-node-crypto-fallback',
  setup(builder) {
    builder.onResolve({ filter: /^crypto$/ }, () => ({ path: 'crypto', namespace: 'empty' }))
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {}' }))
  },
}

/** Builds the Worker runtime into `outfile` (or returns its text when `outfile` is left out). */
export async function buildWorkerRuntime(outfile) {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'js', sourcefile: 'worker-entry.js' },
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2023',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'warning',
    plugins: [docsAssets, noNodeCryptoFallback],
  })
  const text = result.outputFiles[0]?.text ?? ''
  if (outfile !== undefined) {
    const { writeFile } = await import('node:fs/promises')
    await writeFile(outfile, text)
  }
  return text
}
