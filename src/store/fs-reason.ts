const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EISDIR: 'the path is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'the folder does not exist',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'an input/output error occurred',
  EBUSY: 'the file is busy',
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

/** A short reason for a failed file operation that names no internal path. */
export function fsReason(error: unknown): string {
  const code = errorCode(error)
  if (code !== undefined) return REASONS[code] ?? `the file system answered ${code}`
  return error instanceof Error ? error.message : String(error)
}
