export const CLOCK = Symbol('Clock');

/** The one place the platform reads the time; the domain receives it inside each command. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
