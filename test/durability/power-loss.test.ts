import { describe, expect, it } from 'vitest'
import type { Row } from '../../src/json.ts'
import { openStore } from '../../src/node/open-store.ts'
import type { Store } from '../../src/store/store.ts'
import { prng } from '../fuzz/prng.ts'
import type { Prng } from '../fuzz/prng.ts'
import { SCHEMA, recordingGenerate } from '../store/fixtures.ts'
import { SimulatedDisk } from './simulated-disk.ts'

const FOLDER = '/disk'
const FILE = `${FOLDER}/db.json`
const WRITERS = 6
const STEPS = 40

/** What a writer was told about one of its items: its acknowledged state and a write in flight. */
type Item = { acked: Row | undefined; inFlight: (Row | undefined)[] | undefined }

/** A power cut as the store saw it: the disk it leaves, and what had been acknowledged by then. */
type Cut = { readonly at: number; readonly disk: SimulatedDisk; readonly items: Map<string, Item> }

function open(disk: SimulatedDisk): Promise<{ store: Store }> {
  // settleMs 0 and a small journal limit: the database file is rewritten often, so the cuts
  // land in rewrites as well as in appends.
  return openStore({
    schema: SCHEMA,
    file: FILE,
    generate: recordingGenerate().generate,
    fs: disk.fs,
    settleMs: 0,
    journalLimit: 2_000,
  })
}

/** One client: inserts, patches and deletes its own likes, waiting for each answer. */
async function writer(store: Store, random: Prng, items: Map<string, Item>, tag: string) {
  const mine: string[] = []
  for (let step = 0; step < STEPS; step++) {
    const target = mine.length > 0 ? random.pick(mine) : undefined
    const roll = random.next()
    if (target === undefined || roll < 0.5) {
      const pending = store.insert('likes', { postId: 1, tag: `${tag}-${step}` })
      const row = await pending
      const key = String(row['id'])
      items.set(key, { acked: row, inFlight: undefined })
      mine.push(key)
    } else {
      const item = items.get(target)
      if (item === undefined) throw new Error(`unknown item ${target}`)
      if (roll < 0.8) {
        const next = { ...item.acked, tag: `${tag}-${step} patched` }
        item.inFlight = [next]
        item.acked = await store.patch('likes', target, { tag: next.tag })
      } else {
        item.inFlight = [undefined]
        mine.splice(mine.indexOf(target), 1)
        await store.remove('likes', target)
        item.acked = undefined
      }
      item.inFlight = undefined
    }
  }
}

function snapshot(items: Map<string, Item>): Map<string, Item> {
  const copy = new Map<string, Item>()
  for (const [key, item] of items) copy.set(key, { ...item })
  return copy
}

describe('a power cut at any file operation', () => {
  it('loses no acknowledged write: replaying only what was synced keeps every one', async () => {
    const random = prng(17)
    const disk = new SimulatedDisk(FOLDER)
    const { store } = await open(disk)
    const items = new Map<string, Item>()
    const cuts: Cut[] = []
    disk.onOp = () => {
      cuts.push({ at: disk.ops.length, disk: disk.afterPowerCut(random), items: snapshot(items) })
    }
    await Promise.all(
      Array.from({ length: WRITERS }, (_, n) => writer(store, prng(n + 1), items, `w${n}`)),
    )
    await store.close()
    const kinds = new Set(disk.ops.map((op) => op.op))
    expect([...kinds].toSorted()).toEqual([
      'create',
      'rename',
      'sync',
      'syncDir',
      'unlink',
      'write',
    ])

    let acknowledged = 0
    for (const cut of cuts) {
      const { store: after } = await open(cut.disk)
      const stored = new Map(after.list('likes').map((row) => [String(row['id']), row]))
      for (const [key, item] of cut.items) {
        const allowed = [item.acked, ...(item.inFlight ?? [])].map((state) => JSON.stringify(state))
        const found = JSON.stringify(stored.get(key))
        if (!allowed.includes(found)) {
          throw new Error(`cut after op ${cut.at}: like ${key} is ${found}, told ${allowed[0]}`)
        }
        if (item.acked !== undefined) acknowledged++
      }
      // Beyond them, only an insert in flight (one per writer) may show.
      const unknown = [...stored.keys()].filter((key) => Number(key) > 1 && !cut.items.has(key))
      expect(unknown.length).toBeLessThanOrEqual(WRITERS)
      await after.close()
    }
    console.log(`power cuts: ${cuts.length} cut points, ${acknowledged} acknowledged items checked`)
    expect(cuts.length).toBeGreaterThan(80)
    expect(acknowledged).toBeGreaterThan(1000)
  })
})
