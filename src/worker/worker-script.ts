import type { WorkerConfig } from './worker-config.ts'

/**
 * The Worker's one ES module: the configuration as a constant, then the prebuilt runtime, which
 * reads it. JSON is valid JavaScript, so the configuration goes in as it is (U+2028 and U+2029
 * included, which ES2019 allows in string literals).
 */
export function workerScript(config: WorkerConfig, runtime: string, version: string): string {
  return (
    `// A fauxrest ${version} Worker for "${config.name}": deploy with \`wrangler deploy\`.\n` +
    `const FAUXREST_CONFIG = ${JSON.stringify(config)};\n${runtime}`
  )
}
