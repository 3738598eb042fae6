import { execFile, spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, runCli } from '../cli-process.ts'
import { tempDirPerTest } from '../helpers.ts'

const CLI_IO = new URL('../../dist/cli/cli-io.js', import.meta.url).pathname
// util-linux `script` gives the command a pseudo-terminal, as a person's shell would.
const HAS_SCRIPT = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0

const dir = tempDirPerTest()

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/** Runs a command on a pseudo-terminal; resolves with everything it wrote there. */
function onTerminal(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<string> {
  const command = argv.map(quote).join(' ')
  return new Promise((resolve, reject) => {
    execFile(
      'script',
      ['-qec', command, '/dev/null'],
      { cwd: dir.path, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error === null ? resolve(stdout) : reject(error)),
    )
  })
}

const PRINT_IO = `import(${JSON.stringify(CLI_IO)}).then((m) => {
  const io = m.processIo()
  console.log(JSON.stringify({ color: io.color, interactive: io.interactive }))
})`

describe.runIf(HAS_SCRIPT)('on a terminal', () => {
  it('shows a progress bar while generating many records, then clears it', async () => {
    await writeFile(
      join(dir.path, 'big.json'),
      JSON.stringify({ resources: { items: { count: 20000, fields: { n: 'number.int' } } } }),
    )
    const output = await onTerminal(
      [process.execPath, BIN, 'generate', 'big.json', '--out', 'db.json'],
      { NO_COLOR: undefined },
    )
    const frames = output.split('\r').filter((frame) => frame.startsWith('generating'))
    expect(frames.length).toBeGreaterThan(50)
    expect(frames[0]).toBe(`generating ${'░'.repeat(30)}   0%  100/20000 records`)
    expect(frames).toContain(
      `generating ${'█'.repeat(15)}${'░'.repeat(15)}  50%  10000/20000 records`,
    )
    // The last frame is blanked before the summary line.
    expect(output).toMatch(/\r {60,}\rfauxrest: wrote db\.json \(seed 1\): items 20000\r\n$/)
  })

  it('shows no progress bar when stderr is not a terminal', async () => {
    await writeFile(
      join(dir.path, 'big.json'),
      JSON.stringify({ resources: { items: { count: 20000, fields: { n: 'number.int' } } } }),
    )
    const result = await runCli(['generate', 'big.json', '--out', 'db.json'], dir.path)
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'fauxrest: wrote db.json (seed 1): items 20000\n',
    })
  })

  it.each([
    [{ NO_COLOR: undefined }, { color: true, interactive: true }],
    [{ NO_COLOR: '' }, { color: true, interactive: true }],
    [{ NO_COLOR: '1' }, { color: false, interactive: true }],
  ])('decides colour on a terminal with %j', async (env, expected) => {
    const output = await onTerminal([process.execPath, '-e', PRINT_IO], env)
    expect(JSON.parse(output.trim())).toEqual(expected)
  })

  it('uses no colour when stdout is a pipe', async () => {
    const printed = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['-e', PRINT_IO],
        { env: { ...process.env, NO_COLOR: '' } },
        (error, stdout) => (error === null ? resolve(stdout) : reject(error)),
      )
    })
    expect(JSON.parse(printed)).toEqual({ color: false, interactive: false })
  })
})
