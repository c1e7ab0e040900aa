/** An event as the domain sees it: a type string (a stored contract, never renamed) and JSON data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** Who acts. The role comes only from the verified token; `official:<agencyId>` names the agency. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** A facilitator's region (a region code); absent for every other role. */
  readonly regionCode?: string;
}

/** `system` is the platform itself: the deadline scheduler (escalations, automatic closes). */
export type Role = 'citizen' | 'facilitator' | 'auditor' | 'admin' | 'system' | `official:${string}`;

/** What every command carries besides its data: who, and when (time never comes from inside the domain). */
export interface CommandMetadata {
  readonly actor: Actor;
  readonly now: Date;
}

export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** A pure decider: fold events into state, decide new events from a command and the state. */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: S;
  evolve(state: S, event: E): S;
  /** Returns the new events, or throws a DomainError. */
  decide(command: C, state: S): E[];
}

/** Fails to compile when a switch over a union misses a case. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

export function agencyOfOfficial(role: Role): string | undefined {
  return role.startsWith('official:') ? role.slice('official:'.length) : undefined;
}
