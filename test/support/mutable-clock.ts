import { Clock } from '../../src/platform/clock';

/** A clock a test moves by hand, for deadlines measured in working days. */
export class MutableClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
}
