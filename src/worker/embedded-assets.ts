import type { AssetFile, AssetSource } from '../http/route.ts'

/** Swagger UI's files, as the Worker bundle carries them: text, or bytes for the icons. */
export type EmbeddedAssets = Readonly<Record<string, string | Uint8Array<ArrayBuffer>>>

const TYPES: Readonly<Record<string, string>> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  png: 'image/png',
}

/** The docs page's assets from the bundle itself: nothing is fetched from anywhere. */
export function embeddedAssets(assets: EmbeddedAssets): AssetSource {
  const files = new Map<string, AssetFile>()
  return (name) => {
    let file = files.get(name)
    const content = Object.hasOwn(assets, name) ? assets[name] : undefined
    const type = TYPES[name.slice(name.lastIndexOf('.') + 1)]
    if (file === undefined && content !== undefined && type !== undefined) {
      const body = typeof content === 'string' ? new TextEncoder().encode(content) : content
      file = { body: body as Uint8Array<ArrayBuffer>, type }
      files.set(name, file)
    }
    return Promise.resolve(file)
  }
}
