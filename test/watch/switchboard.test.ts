import { describe, expect, it } from 'vitest'
import { Switchboard } from '../../src/watch/switchboard.ts'

/** A promise the test settles by hand. */
function held<T = void>() {
  let release: (value: T) => void = () => undefined
  const promise = new Promise<T>((resolve) => {
    release = resolve
  })
  return { promise, release }
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('Switchboard', () => {
  it('serves each request with the site current when it starts', async () => {
    const board = new Switchboard('a')
    expect(await board.serve((site) => `${site}1`)).toBe('a1')
    board.swap('b')
    expect(await board.serve(async (site) => `${site}2`)).toBe('b2')
  })

  it('starts a task once the running requests are done, and holds new ones until it ends', async () => {
    const board = new Switchboard('old')
    const events: string[] = []
    const request = held()
    const running = board.serve(async (site) => {
      await request.promise
      events.push(`running request done on ${site}`)
    })
    const task = held()
    const swapping = board.exclusive(async () => {
      events.push('task starts')
      await task.promise
      board.swap('new')
      events.push('swapped')
    })
    const later = board.serve((site) => events.push(`later request on ${site}`))
    await turn()
    expect(events).toEqual([])

    request.release()
    await running
    await turn()
    expect(events).toEqual(['running request done on old', 'task starts'])
    task.release()
    await Promise.all([swapping, later])
    expect(events).toEqual([
      'running request done on old',
      'task starts',
      'swapped',
      'later request on new',
    ])
  })

  it('runs tasks one after another', async () => {
    const board = new Switchboard(0)
    const events: string[] = []
    const first = held()
    const one = board.exclusive(async () => {
      events.push('one starts')
      await first.promise
      events.push('one ends')
    })
    const two = board.exclusive(async () => {
      events.push('two')
    })
    await turn()
    expect(events).toEqual(['one starts'])
    first.release()
    await Promise.all([one, two])
    expect(events).toEqual(['one starts', 'one ends', 'two'])
  })

  it('does not wait past drainMs for a request that never ends', async () => {
    const board = new Switchboard('site', 30)
    const stuck = held()
    void board.serve(() => stuck.promise)
    expect(board.running).toBe(1)
    expect(await board.exclusive(async () => 'went ahead')).toBe('went ahead')
    stuck.release()
  })

  it('opens the gate again when a task fails', async () => {
    const board = new Switchboard('site')
    await expect(board.exclusive(() => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await board.serve((site) => site)).toBe('site')
  })
})
