import { describe, expect, it } from 'vitest'
import { GroupCommit } from '../../src/node/group-commit.ts'

const turn = () => new Promise((resolve) => setImmediate(resolve))

/** A writer whose writes finish when the test says so; records what each write saw. */
function heldWriter() {
  let changes = 0
  const started: number[] = []
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = []
  const group = new GroupCommit(() => {
    started.push(changes)
    return new Promise<void>((resolve, reject) => void pending.push({ resolve, reject }))
  })
  const change = () => {
    changes++
    return group.request()
  }
  return { group, started, pending, change }
}

describe('GroupCommit', () => {
  it('serves a synchronous burst with one write', async () => {
    const { started, pending, change } = heldWriter()
    const done = Promise.all([change(), change(), change()])
    await turn()
    expect(started).toEqual([3])
    pending[0]?.resolve()
    await done
  })

  it('runs one write at a time and one more for everything asked meanwhile', async () => {
    const { started, pending, change } = heldWriter()
    const settled: string[] = []
    const first = change().then(() => settled.push('first'))
    await turn()
    const second = change().then(() => settled.push('second'))
    const third = change().then(() => settled.push('third'))
    await turn()
    expect(started).toEqual([1])
    pending[0]?.resolve()
    await first
    expect(settled).toEqual(['first'])
    await turn()
    expect(started).toEqual([1, 3])
    pending[1]?.resolve()
    await Promise.all([second, third])
    expect(settled).toEqual(['first', 'second', 'third'])
  })

  it('fails only the running write; the waiting one runs next', async () => {
    const { started, pending, change } = heldWriter()
    const first = change()
    await turn()
    const second = change()
    pending[0]?.reject(new Error('disk full'))
    await expect(first).rejects.toThrow('disk full')
    await turn()
    expect(started).toEqual([1, 2])
    pending[1]?.resolve()
    await second
  })

  it('idle waits for the running and the waiting write, whatever they end with', async () => {
    const { group, pending, change } = heldWriter()
    let idle = false
    const first = change().catch(() => undefined)
    await turn()
    const second = change()
    const waiting = group.idle().then(() => (idle = true))
    pending[0]?.reject(new Error('x'))
    await first
    await turn()
    expect(idle).toBe(false)
    pending[1]?.reject(new Error('y'))
    await expect(second).rejects.toThrow('y')
    await waiting
    expect(idle).toBe(true)
    await group.idle()
  })
})
