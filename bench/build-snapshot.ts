// The fauxrest build a run measures: compiled (as `npm run build` does) into a private folder under
// bench/out, so a rebuild of dist/ during the run can neither break nor change what is measured.
// Bare imports still resolve to the project's node_modules from there.
import { spawnSync } from 'node:child_process'
import { copyFile, cp, mkdir, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'

export type Snapshot = {
  readonly dir: string
  /** The CLI entry, dist/bin.js of the snapshot. */
  readonly bin: string
}

export async function buildSnapshot(projectDir: string, compile: boolean): Promise<Snapshot> {
  const parent = join(projectDir, 'bench', 'out')
  await mkdir(parent, { recursive: true })
  const dir = await mkdtemp(join(parent, 'build-'))
  const dist = join(dir, 'dist')
  if (compile) {
    const tsc = join(projectDir, 'node_modules', 'typescript', 'bin', 'tsc')
    const args = [tsc, '-p', 'tsconfig.build.json', '--outDir', dist, '--declaration', 'false']
    const build = spawnSync(process.execPath, args, { cwd: projectDir, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('the build failed (tsc -p tsconfig.build.json)')
    const bundle = join(projectDir, 'scripts', 'bundle-bin.mjs')
    const bundled = spawnSync(process.execPath, [bundle, '--outdir', dist], {
      cwd: projectDir,
      stdio: 'inherit',
    })
    if (bundled.status !== 0) throw new Error('the build failed (scripts/bundle-bin.mjs)')
  } else {
    await cp(join(projectDir, 'dist'), dist, { recursive: true })
  }
  // dist/version.js (and the bundled dist/bin.js) read the version from ../package.json
  await copyFile(join(projectDir, 'package.json'), join(dir, 'package.json'))
  return { dir, bin: join(dist, 'bin.js') }
}
