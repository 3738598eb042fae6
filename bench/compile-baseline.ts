// The baseline runs as plain JavaScript on plain node, as fauxrest's built dist/ does: a TS
// loader would add its own startup time and memory to the baseline's figures.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const SOURCE = fileURLToPath(new URL('./baseline-server.ts', import.meta.url))

/** Writes the baseline server as an ES module into `dir`; resolves with its path. */
export async function compileBaseline(dir: string): Promise<string> {
  const output = ts.transpileModule(await readFile(SOURCE, 'utf8'), {
    fileName: SOURCE,
    compilerOptions: {
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
    },
  })
  const file = join(dir, 'baseline-server.mjs')
  await writeFile(file, output.outputText)
  return file
}
