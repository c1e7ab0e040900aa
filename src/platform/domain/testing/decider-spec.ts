import { Command, Decider, DomainEvent } from '../decider';
import { DomainError, DomainErrorKind } from '../domain-errors';

/** Given/when/then for any decider: `givenEvents(decider)(...events).when(command).then(...events) | .thenFails(...)`. */
export function givenEvents<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return (...events: E[]) => {
    const state = events.reduce(decider.evolve, decider.initialState);
    return {
      when: (command: C) => ({
        then: (...expected: E[]) => expect(decider.decide(command, state)).toStrictEqual(expected),
        thenFails: (kind: DomainErrorKind, code: string, field?: string) => {
          let caught: unknown;
          try {
            decider.decide(command, state);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          const { kind: actualKind, code: actualCode, field: actualField } = caught as DomainError;
          expect({ kind: actualKind, code: actualCode, field: actualField }).toEqual({ kind, code, field });
        },
      }),
    };
  };
}
