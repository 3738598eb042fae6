import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox, runCli } from '../cli-process.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'

// dist/bin.js runs the bundle through V8's code cache, kept in the temp folder (TMPDIR here).
describe('the command line’s code cache', () => {
  const sandbox = cliSandbox()
  const tmp = (): Record<string, string> => ({ TMPDIR: sandbox.dir() })
  const generate = (): ReturnType<typeof runCli> =>
    runCli(['generate', JSONPLACEHOLDER, '--out', 'db.json'], sandbox.dir(), tmp())

  async function cacheFiles(): Promise<string[]> {
    const folders = (await readdir(sandbox.dir())).filter((name) =>
      name.startsWith('fauxrest-compile-cache'),
    )
    const files: string[] = []
    for (const folder of folders) {
      for (const name of await readdir(join(sandbox.dir(), folder))) files.push(join(folder, name))
    }
    return files
  }

  it('is written by a first run and gives a second run the same result', async () => {
    expect((await generate()).code).toBe(0)
    const first = await readFile(join(sandbox.dir(), 'db.json'), 'utf8')
    const files = await cacheFiles()
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(
      /^fauxrest-compile-cache(-\d+)?\/generate-[0-9a-f]{16}-[0-9a-f]{8}-v[\d.]+-\w+\.cache$/,
    )
    const cache = await readFile(join(sandbox.dir(), files[0] ?? ''))
    expect(cache.length).toBeGreaterThan(10_000)

    const second = await generate()
    expect(second.code).toBe(0)
    expect(second.stderr).toBe(
      'fauxrest: wrote db.json (seed 1): users 10, posts 100, comments 500, albums 100, photos 5000, todos 200\n',
    )
    expect(await readFile(join(sandbox.dir(), 'db.json'), 'utf8')).toBe(first)
    // Accepted, so left as it was.
    expect((await readFile(join(sandbox.dir(), files[0] ?? ''))).equals(cache)).toBe(true)
  })

  it('is replaced when V8 rejects it, and the run is unharmed', async () => {
    expect((await generate()).code).toBe(0)
    const first = await readFile(join(sandbox.dir(), 'db.json'), 'utf8')
    const [file] = await cacheFiles()
    const path = join(sandbox.dir(), file ?? '')
    await writeFile(path, 'not a code cache')
    const run = await generate()
    expect(run.code).toBe(0)
    expect(await readFile(join(sandbox.dir(), 'db.json'), 'utf8')).toBe(first)
    expect((await readFile(path)).length).toBeGreaterThan(10_000)
  })

  it('is not written after a failure, for help or the version, or when turned off', async () => {
    const missing = await runCli(['check', 'missing.json'], sandbox.dir(), tmp())
    expect(missing.code).toBe(1)
    expect((await runCli(['--version'], sandbox.dir(), tmp())).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    expect((await runCli(['generate', '--help'], sandbox.dir(), tmp())).code).toBe(0)
    const off = { ...tmp(), NODE_DISABLE_COMPILE_CACHE: '1' }
    const run = await runCli(['generate', JSONPLACEHOLDER, '--out', 'db.json'], sandbox.dir(), off)
    expect(run.code).toBe(0)
    expect(await cacheFiles()).toEqual([])
  })

  it('checks a schema the same way from the cache', async () => {
    const start = async (): Promise<unknown> => {
      const run = await runCli(['check', JSONPLACEHOLDER], sandbox.dir(), tmp())
      expect(run.code).toBe(0)
      return run.stdout
    }
    const first = await start()
    expect(await cacheFiles()).toHaveLength(1)
    expect(await start()).toBe(first)
  })
})
