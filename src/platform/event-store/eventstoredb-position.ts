/** EventStoreDB's position of a record in its transaction log ($all). */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

const TWO_64 = 1n << 64n;
const MAX_U64 = TWO_64 - 1n;

const isU64 = (value: bigint) => value >= 0n && value <= MAX_U64;

/** commit·2^64 + prepare: one integer per event, ordered as $all is (by commit, then prepare). */
export function toGlobalPosition({ commit, prepare }: LogPosition): bigint {
  if (!isU64(commit) || !isU64(prepare))
    throw new RangeError(`Not an EventStoreDB log position: commit ${commit}, prepare ${prepare}`);
  return commit * TWO_64 + prepare;
}

/** The inverse of toGlobalPosition, e.g. to read $all from a checkpoint. */
export function fromGlobalPosition(position: bigint): LogPosition {
  if (position < 0n || position >= TWO_64 * TWO_64)
    throw new RangeError(`Not an EventStoreDB global position: ${position}`);
  return { commit: position / TWO_64, prepare: position % TWO_64 };
}

/** False for a missing position or the "no position" marker (2^64−1) older servers send on stream reads. */
export const isLogPosition = (position: LogPosition | undefined): position is LogPosition =>
  position !== undefined &&
  position.commit !== MAX_U64 &&
  position.prepare !== MAX_U64 &&
  isU64(position.commit) &&
  isU64(position.prepare);
