import { Transform } from 'class-transformer';
import { IsString, registerDecorator } from 'class-validator';

export interface PlainTextOptions {
  /** Bodies and reasons: newline and tab allowed (CRLF and CR arrive as LF). Titles and names: one line. */
  readonly multiline?: boolean;
  /** At most this many characters (code points, not UTF-16 units), after normalisation. */
  readonly maxLength?: number;
  /** Must contain something to read: a letter, digit, punctuation or symbol. */
  readonly visible?: boolean;
}

// C0 and C1 controls and DEL; the multiline form spares tab and newline.
/* eslint-disable no-control-regex -- finding control characters is the point */
const SINGLE_LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/u;
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
/* eslint-enable no-control-regex */
// Embeddings, overrides and isolates reorder what readers see (Trojan Source); LRM/RLM marks cannot, and
// mixed-script text needs them, so they stay.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;
// Line and paragraph separators break lines where a single-line field promised none, and some renderers.
const SEPARATORS = /[\u2028\u2029]/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
// Half of a UTF-16 pair on its own: no character at all, and storage would replace it, breaking digests.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The form text is stored in: NFC (one code point for "é"), and LF line ends in multiline text. */
export function normalisedText(value: string, { multiline = false }: PlainTextOptions = {}): string {
  // Normalising a lone surrogate would hide it; it stays for the check to refuse.
  if (UNPAIRED_SURROGATE.test(value)) return value;
  const composed = value.normalize('NFC');
  return multiline ? composed.replace(/\r\n?/g, '\n') : composed;
}

/** Why `value` is not acceptable plain text (a sentence to follow the field name), or undefined if it is. */
export function plainTextProblem(value: unknown, options: PlainTextOptions = {}): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (UNPAIRED_SURROGATE.test(value)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  const controls = options.multiline ? MULTILINE_CONTROLS : SINGLE_LINE_CONTROLS;
  const control = controls.exec(value)?.[0];
  if (control !== undefined)
    return options.multiline
      ? `must not contain control characters other than newline and tab (found ${codePoint(control)})`
      : `must be one line without control characters (found ${codePoint(control)})`;
  const bidi = BIDI_CONTROLS.exec(value)?.[0];
  if (bidi !== undefined)
    return `must not contain bidirectional overrides or isolates (found ${codePoint(bidi)})`;
  const separator = SEPARATORS.exec(value)?.[0];
  if (separator !== undefined) return `must not contain ${codePoint(separator)}; use a newline (\\n)`;
  if (options.maxLength !== undefined && [...value].length > options.maxLength)
    return `must be at most ${options.maxLength} characters long`;
  if (options.visible && !VISIBLE.test(value))
    return 'must contain visible characters, not only spaces, invisible characters or combining marks';
  return undefined;
}

/**
 * A free-text field: normalised to NFC (and LF), then refused with its name when it holds controls, bidi
 * overrides, unpaired surrogates or (with `visible`) nothing to read. One rule for every DTO.
 */
export function PlainText(options: PlainTextOptions = {}): PropertyDecorator {
  return (target, propertyKey) => {
    const propertyName = String(propertyKey);
    Transform(({ value }) => (typeof value === 'string' ? normalisedText(value, options) : value))(
      target,
      propertyKey,
    );
    IsString()(target, propertyKey);
    registerDecorator({
      name: 'plainText',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || plainTextProblem(value, options) === undefined,
        defaultMessage: (args) => `${propertyName} ${plainTextProblem(args?.value, options)}`,
      },
    });
  };
}
