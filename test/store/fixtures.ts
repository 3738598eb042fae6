import { afterEach, beforeEach } from 'vitest'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Data, Row } from '../../src/json.ts'
import type {
  IdStrategy,
  OnDelete,
  Relation,
  ResourceSpec,
  Schema,
} from '../../src/schema/types.ts'
import { FilePersistence } from '../../src/node/file-persistence.ts'
import { openStore as openNodeStore } from '../../src/node/open-store.ts'
import type { OpenStoreOptions } from '../../src/node/open-store.ts'
import type { Store, StoreOptions } from '../../src/store/store.ts'

function resource(name: string, id: IdStrategy = 'integer', singular = false): ResourceSpec {
  return { name, singular, count: 0, id, fields: undefined, idPosition: 0, idKey: 'id' }
}

function relation(child: string, field: string, parent: string, onDelete: OnDelete): Relation {
  return { child, field, parent, onDelete, expandAs: field.replace(/Id$/, '') }
}

/**
 * users <- posts (cascade) <- comments (cascade), comments.userId -> users (nullify),
 * posts <- likes (restrict), categories <- products (restrict), tags (uuid), notes (nanoid),
 * profile (singular).
 */
export const SCHEMA: Schema = {
  seed: 1,
  origin: 'schema',
  resources: new Map(
    [
      resource('users'),
      resource('posts'),
      resource('comments'),
      resource('likes'),
      resource('categories'),
      resource('products'),
      resource('tags', 'uuid'),
      resource('notes', 'nanoid'),
      resource('profile', 'integer', true),
    ].map((spec) => [spec.name, spec]),
  ),
  relations: [
    relation('posts', 'userId', 'users', 'cascade'),
    relation('comments', 'postId', 'posts', 'cascade'),
    relation('comments', 'userId', 'users', 'nullify'),
    relation('likes', 'postId', 'posts', 'restrict'),
    relation('products', 'categoryId', 'categories', 'restrict'),
  ],
}

/** Deterministic data: 3 users, 2 posts each, 2 comments per post (by the next user), 1 like on post 6. */
export function generateAll(): Data {
  const users: Row[] = [1, 2, 3].map((id) => ({ id, name: `user ${id}` }))
  const posts: Row[] = []
  const comments: Row[] = []
  for (let id = 1; id <= 6; id++) {
    posts.push({ id, userId: Math.ceil(id / 2), title: `post ${id}` })
    for (const n of [1, 2]) {
      const commentId = (id - 1) * 2 + n
      comments.push({ id: commentId, postId: id, userId: (id % 3) + 1, body: `c${commentId}` })
    }
  }
  return {
    users,
    posts,
    comments,
    likes: [{ id: 1, postId: 6 }],
    categories: [
      { id: 1, name: 'books' },
      { id: 2, name: 'empty' },
    ],
    products: [{ id: 1, categoryId: 1, name: 'novel' }],
    tags: [{ id: '6c1a4b0e-3a3e-4a39-9c55-9c1f0e0d8a01', label: 'a' }],
    notes: [{ id: 'V1StGXR8_Z5jdHi6B-myT', text: 'n' }],
    profile: { name: 'fauxrest' },
  }
}

/** A generate option that records every call and serves `source` (generateAll by default). */
export function recordingGenerate(source: () => Data = generateAll) {
  const calls: string[][] = []
  const generate: StoreOptions['generate'] = (only) => {
    calls.push([...only])
    const all = source()
    return Object.fromEntries([...only].flatMap((name) => (all[name] ? [[name, all[name]]] : [])))
  }
  return { calls, generate }
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fauxrest-store-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** A fresh temp folder per test, removed afterwards; `file` is db.json inside it. */
export function useTempDb(): { readonly dir: string; readonly file: string } {
  const state = { dir: '', file: '' }
  let cleanup: (() => Promise<void>) | undefined
  beforeEach(async () => {
    const temp = await tempDir()
    cleanup = temp.cleanup
    state.dir = temp.dir
    state.file = join(temp.dir, 'db.json')
  })
  afterEach(async () => {
    await cleanup?.()
  })
  return state
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'))
}

export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).toSorted()
}

const filesOf = new WeakMap<Store, FilePersistence>()

/** A store over `file` (or ':memory:'); its file persistence is remembered for `writesOf`. */
export async function openStore(
  file: string,
  options: Partial<OpenStoreOptions> = {},
): Promise<Store> {
  const { store, files } = await openNodeStore({
    schema: SCHEMA,
    file,
    generate: recordingGenerate().generate,
    ...options,
  })
  if (files !== undefined) filesOf.set(store, files)
  return store
}

/** Completed durable writes of a store opened by `openStore` (0 in memory). */
export function writesOf(store: Store): number {
  return filesOf.get(store)?.writes ?? 0
}

/** Brings the database file of a store opened by `openStore` up to date now. */
export async function foldOf(store: Store): Promise<void> {
  await filesOf.get(store)?.fold()
}

/** The database file's bytes as the store last read or wrote them; `undefined` in memory. */
export function savedOf(store: Store): readonly Uint8Array[] | undefined {
  return filesOf.get(store)?.saved()
}

/** The data a server starting now on `file` would read (the file with its journal replayed). */
export async function durableData(file: string): Promise<Data | undefined> {
  const db = await new FilePersistence({ path: file, label: file }).read()
  return db?.data
}

export function deepCopy<T>(value: T): T {
  return structuredClone(value)
}
