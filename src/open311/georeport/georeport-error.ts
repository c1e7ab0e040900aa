/** One entry of the specification's error list: `code` is the HTTP status, `description` names the input. */
export interface GeoReportProblem {
  readonly code: number;
  readonly description: string;
}

/**
 * A refusal in GeoReport v2's own error format (an array of {code, description}): 404 for what does not exist,
 * 403 for a wrong or missing api_key, 400 for any other invalid request.
 */
export class GeoReportError extends Error {
  readonly problems: readonly GeoReportProblem[];

  constructor(
    readonly status: number,
    descriptions: string | readonly string[],
  ) {
    const list = typeof descriptions === 'string' ? [descriptions] : descriptions;
    super(list.join('; '));
    this.name = 'GeoReportError';
    this.problems = list.map((description) => ({ code: status, description }));
  }
}

export const badRequest = (...descriptions: string[]) => new GeoReportError(400, descriptions);
export const notFound = (description: string) => new GeoReportError(404, description);
export const forbiddenKey = (description: string) => new GeoReportError(403, description);
