import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc')

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    allowImportingTsExtensions: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    types: [],
  },
  include: ['*.ts'],
}

export type CompileResult = { readonly code: number; readonly output: string }

/** Type-checks `files` (name -> source) with a strict tsc in a temp dir, which it then removes. */
export async function compileTs(files: Readonly<Record<string, string>>): Promise<CompileResult> {
  const dir = await mkdtemp(join(tmpdir(), 'fauxrest-tsc-'))
  try {
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG))
    for (const [name, source] of Object.entries(files)) await writeFile(join(dir, name), source)
    return await new Promise((resolve) => {
      execFile(
        process.execPath,
        [TSC, '-p', '.', '--pretty', 'false'],
        { cwd: dir },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
          resolve({ code, output: `${stdout}${stderr}` })
        },
      )
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
