import manifest from '../package.json' with { type: 'json' }

/** fauxrest's version, from its package.json (a JSON import: bundlers inline it). */
export const VERSION: string = manifest.version
