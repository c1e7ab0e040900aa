/** A document a pure fold needs loaded: the shape projections/runner's DocumentKey has (src/ cannot import it). */
export interface DocumentKeyLike {
  readonly collection: string;
  readonly id: string;
}
