import type { ServeFlags } from './parse-cli-args.ts'

type ModeFlags = Pick<
  ServeFlags,
  'readOnly' | 'fakeWrites' | 'deleteMode' | 'delay' | 'cors' | 'bodyLimit'
>

/** How the API answers, as the flags say: the same for the Node server and a Worker. */
export function serveModes(flags: ModeFlags): ModeFlags {
  const { readOnly, fakeWrites, deleteMode, delay, cors, bodyLimit } = flags
  return { readOnly, fakeWrites, deleteMode, delay, cors, bodyLimit }
}
