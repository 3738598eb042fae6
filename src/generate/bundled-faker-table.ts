import type { FakerTable } from './faker-table.ts'

/**
 * The table of the faker inside the command-line bundle: scripts/bundle-bin.mjs makes it from that
 * faker and puts it here. Elsewhere (tsc's output, the sources) there is none, and the catalog
 * samples faker itself.
 */
export const FAKER_TABLE: FakerTable | undefined = undefined
