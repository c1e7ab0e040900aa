/** Positions are stored as fixed-width decimal strings: they compare in order as text, on every backend. */
const WIDTH = 40;

export const storedPosition = (position: bigint): string => position.toString(10).padStart(WIDTH, '0');

export const positionFromStored = (stored: string): bigint => BigInt(stored);

/**
 * SQLite's position columns: the number of digits as one letter, then the digits ("C123" for 123), so text order is
 * still numeric order in a few bytes instead of 40. The fixed-width form of an older file starts with a digit.
 */
export const compactPosition = (position: bigint): string => {
  const digits = position.toString(10);
  return String.fromCharCode(64 + digits.length) + digits;
};

export const positionFromCompact = (stored: string): bigint =>
  BigInt(/^\d/.test(stored) ? stored : stored.slice(1));
