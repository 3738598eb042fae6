import type { Miniflare } from 'miniflare'
import { UserError } from '../errors.ts'
import { importModule } from './import-module.ts'

export type MiniflareModule = { readonly Miniflare: typeof Miniflare }

/** The version the project tests under; later ones need Node 22. */
export const MINIFLARE_VERSION = '4.20260424.0'

/**
 * miniflare, which runs a Worker under workerd on this machine. It is an optional peer dependency
 * (workerd's binary is large and most users never need it), so it may be missing.
 */
export async function loadMiniflare(): Promise<MiniflareModule> {
  try {
    return await importModule<MiniflareModule>('miniflare')
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error
    throw new UserError(
      `--dev runs the Worker under workerd with miniflare, which is not installed: npm install -D miniflare@${MINIFLARE_VERSION}`,
      [],
      { cause: error },
    )
  }
}
