import { ComponentChildren } from 'preact';

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
}

/** Ids of the hint and error, for aria-describedby: read out with the field. */
export const describedBy = ({ id, hint, error }: FieldProps): string | undefined =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

export function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  const { id, label, hint, error, children } = props;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = FieldProps & {
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly type?: 'text' | 'search' | 'tel' | 'email' | 'password';
  readonly required?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'search';
  readonly pattern?: string;
};

export function TextField(props: InputProps) {
  const { id, value, onInput, type = 'text', error, ...rest } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={id}
        name={id}
        type={type as 'text'}
        value={value}
        required={rest.required}
        minLength={rest.minLength}
        maxLength={rest.maxLength}
        autoComplete={rest.autoComplete}
        inputMode={rest.inputMode}
        pattern={rest.pattern}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => onInput((event.target as HTMLInputElement).value)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: InputProps & { rows?: number }) {
  const { id, value, onInput, error, rows = 5, required, minLength, maxLength } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        required={required}
        minLength={minLength}
        maxLength={maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => onInput((event.target as HTMLTextAreaElement).value)}
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly options: ReadonlyArray<{ value: string; label: string }>;
    readonly required?: boolean;
  },
) {
  const { id, value, onChange, options, error, required } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => onChange((event.target as HTMLSelectElement).value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
