import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Action plan · Mandate" in the tab and in screen readers' page announcements. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
