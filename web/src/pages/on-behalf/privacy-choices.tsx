import { t } from '../../i18n/i18n';

interface Props {
  readonly confidential: boolean;
  readonly anonymous: boolean;
  readonly onConfidential: (value: boolean) => void;
  readonly onAnonymous: (value: boolean) => void;
}

/** The same two choices a citizen has, explained in the same plain words, for the villager to decide. */
export function PrivacyChoices({ confidential, anonymous, onConfidential, onAnonymous }: Props) {
  const box = (id: string, checked: boolean, set: (value: boolean) => void, label: string, hint: string) => (
    <div class="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => set((e.target as HTMLInputElement).checked)}
      />
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
  return (
    <fieldset class="field">
      <legend>{t('onBehalf.privacy')}</legend>
      {box(
        'confidential',
        confidential,
        onConfidential,
        t('submit.confidential'),
        t('submit.confidentialHint'),
      )}
      {box('anonymous', anonymous, onAnonymous, t('submit.anonymous'), t('onBehalf.anonymousHint'))}
    </fieldset>
  );
}
