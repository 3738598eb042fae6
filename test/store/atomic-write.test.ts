import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { NODE_FILE_OPS, tempPathFor, writeFileAtomic } from '../../src/store/atomic-write.ts'
import type { FileOps } from '../../src/store/atomic-write.ts'
import { listDir, useTempDb } from './fixtures.ts'

describe('writeFileAtomic', () => {
  const temp = useTempDb()

  it('puts a temp file beside the target', () => {
    expect(tempPathFor('/a/b/db.json')).toMatch(/^\/a\/b\/\.db\.json\.\d+-[0-9a-f]{8}\.tmp$/)
  })

  it('finishes short writes', async () => {
    const ops: FileOps = {
      ...NODE_FILE_OPS,
      open: async (...args: Parameters<FileOps['open']>) => {
        const handle = await NODE_FILE_OPS.open(...args)
        const writev = handle.writev.bind(handle)
        handle.writev = async <T extends readonly NodeJS.ArrayBufferView[]>(buffers: T) => {
          const [first] = buffers
          const size = Math.min(3, first?.byteLength ?? 0)
          const part =
            first === undefined ? [] : [Buffer.from(first.buffer, first.byteOffset, size)]
          const { bytesWritten } = await writev(part)
          return { bytesWritten, buffers }
        }
        return handle
      },
    }
    const chunks = ['{"a":', '', '[1,2,3]', '}\n'].map((text) => Buffer.from(text))
    await writeFileAtomic(temp.file, tempPathFor(temp.file), chunks, { ops })
    expect(await readFile(temp.file, 'utf8')).toBe('{"a":[1,2,3]}\n')
    expect(await listDir(temp.dir)).toEqual(['db.json'])
  })
})
