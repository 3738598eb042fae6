/**
 * `import()` of a package or a file URL, the one place modules are loaded on demand. The
 * command-line bundle runs as a script, whose own `import()` Node 20 allows only behind a flag:
 * scripts/bundle-bin.mjs puts its loader's `import()` in place of this module.
 */
export function importModule<T>(specifier: string): Promise<T> {
  return import(specifier)
}
