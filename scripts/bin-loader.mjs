#!/usr/bin/env node
// dist/bin.js, the command line's entry (scripts/bundle-bin.mjs writes it, with the bundle's
// hash in BUNDLE_HASH). It runs the bundle, dist/cli.cjs, through V8's code cache: a start
// deserialises the bytecode an earlier start of the same command compiled instead of parsing and
// compiling the bundle again (Node 22's module.enableCompileCache does the same for modules;
// Node 20 has none). The cache lives in the temp folder, in a folder only this user may write;
// NODE_DISABLE_COMPILE_CACHE turns it off, as it does Node's. Any failure to read or write the
// cache only means compiling from source, as without it.
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Script } from 'node:vm'

const BUNDLE_HASH = 'development'
// A cache per command: each start compiles only what its command runs. Help and the version
// compile next to nothing, and a cache is never replaced while V8 accepts it: they write none.
const COMMANDS = new Set(['generate', 'check', 'openapi', 'types', 'import', 'infer', 'worker'])
const NO_CACHE = new Set(['-h', '--help', '-v', '--version'])
// The bundle is CommonJS-shaped: it gets these from the wrapper, as a CommonJS module would.
// `__import` loads modules on demand (src/node/import-module.ts): from here, the bundle's folder.
const PARAMETERS = [
  'exports',
  'require',
  'module',
  '__filename',
  '__dirname',
  '__bundleUrl',
  '__import',
]

const bundleUrl = new URL('./cli.cjs', import.meta.url)
const bundle = fileURLToPath(bundleUrl)
const cacheFile = cachePath()
const cached = cacheFile === undefined ? undefined : readCache(cacheFile)
const script = new Script(
  `(function (${PARAMETERS.join(', ')}) {\n${readFileSync(bundle, 'utf8')}\n})`,
  {
    filename: bundle,
    lineOffset: -1,
    ...(cached === undefined ? {} : { cachedData: cached }),
  },
)
if (cacheFile !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
  // Written once the start's code has run, so it holds what was compiled on the way; not after a
  // failure, which ran only part of it.
  const save = () => {
    clearTimeout(timer)
    process.off('beforeExit', save)
    if (!process.exitCode) writeCache(cacheFile, script)
  }
  const timer = setTimeout(save, 1000).unref()
  process.once('beforeExit', save)
}
const module = { exports: {} }
script
  .runInThisContext()
  .call(
    module.exports,
    module.exports,
    createRequire(bundleUrl),
    module,
    bundle,
    dirname(bundle),
    bundleUrl.href,
    (specifier) => import(specifier),
  )

function cachePath() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined
  const args = process.argv.slice(2)
  if (args.length === 0 || args.some((arg) => NO_CACHE.has(arg))) return undefined
  const user = process.getuid?.()
  const folder = join(tmpdir(), `fauxrest-compile-cache${user === undefined ? '' : `-${user}`}`)
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    const stats = lstatSync(folder)
    // Someone else's folder could hand this process code to run: then no cache.
    const own = user === undefined || (stats.uid === user && (stats.mode & 0o022) === 0)
    if (!stats.isDirectory() || !own) return undefined
  } catch {
    return undefined
  }
  const command = COMMANDS.has(args[0] ?? '') ? args[0] : 'serve'
  // The bundle's place is in the name too: V8 keeps the path of the run that wrote a cache, so two
  // installs of one version sharing one would name each other's files in stack traces and profiles.
  const place = fnv1a(bundle)
  const version = `${process.version}-${process.arch}`
  return join(folder, `${command}-${BUNDLE_HASH}-${place}-${version}.cache`)
}

/** A short, stable tag for a string (32-bit FNV-1a, in hex): no crypto module to load at start. */
function fnv1a(text) {
  let hash = 0x811c9dc5
  for (let at = 0; at < text.length; at++) {
    hash ^= text.charCodeAt(at)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

function readCache(file) {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

function writeCache(file, compiled) {
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, compiled.createCachedData(), { mode: 0o600 })
    renameSync(temp, file)
  } catch {
    // Not cached this time; the next start compiles from source again.
  }
}
