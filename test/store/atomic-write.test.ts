import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { tempPathFor, writeFileAtomic } from '../../src/node/atomic-write.ts'
import { NODE_FILE_SYSTEM, writeAll } from '../../src/node/file-system.ts'
import { listDir, useTempDb } from './fixtures.ts'

describe('writeFileAtomic', () => {
  const temp = useTempDb()

  it('puts a temp file beside the target', () => {
    expect(tempPathFor('/a/b/db.json')).toMatch(/^\/a\/b\/\.db\.json\.\d+-[0-9a-f]{8}\.tmp$/)
  })

  it('writes every chunk, skipping empty ones, and leaves no temp file', async () => {
    const chunks = ['{"a":', '', '[1,2,3]', '}\n'].map((text) => Buffer.from(text))
    await writeFileAtomic(NODE_FILE_SYSTEM, temp.file, chunks, 0o644)
    expect(await readFile(temp.file, 'utf8')).toBe('{"a":[1,2,3]}\n')
    expect(await listDir(temp.dir)).toEqual(['db.json'])
  })
})

describe('writeAll', () => {
  it('finishes short writes where the last one stopped', async () => {
    const written: string[] = []
    const handle = {
      writev(buffers: Uint8Array[], position: number) {
        const [first] = buffers
        const part = first === undefined ? '' : Buffer.from(first).toString('utf8', 0, 3)
        written.push(`${position}:${part}`)
        return Promise.resolve({ bytesWritten: part.length })
      },
    }
    const chunks = ['{"a":', '', '[1,2,3]', '}\n'].map((text) => Buffer.from(text))
    expect(await writeAll(handle, 10, chunks)).toBe(14)
    expect(written).toEqual(['10:{"a', '13:":', '15:[1,', '18:2,3', '21:]', '22:}\n'])
  })
})
