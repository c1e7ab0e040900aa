/** Positions are stored as fixed-width decimal strings: they compare in order as text, on every backend. */
const WIDTH = 40;

export const storedPosition = (position: bigint): string => position.toString(10).padStart(WIDTH, '0');

export const positionFromStored = (stored: string): bigint => BigInt(stored);
