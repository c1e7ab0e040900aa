import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { Page } from '../../ui/page';

export default function NotFoundPage() {
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <a href={paths.feed}>{t('common.backToFeed')}</a>
      </p>
    </Page>
  );
}
