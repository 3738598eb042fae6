import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const CHILD = new URL('./object-shapes-child.ts', import.meta.url).pathname

// Throughput is the benchmark's job; this checks the condition that made small reads 2-3x slower
// for the life of a server whose first requests were spread over full GCs (see keep-latest.ts).
describe('objects built for every request', () => {
  it('keep fast properties when full GCs run between the first requests', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', CHILD],
      { timeout: 60_000 },
    )
    expect(JSON.parse(stdout)).toEqual({
      statuses: [200],
      context: true,
      serverResponse: true,
      socket: true,
    })
  })
})
