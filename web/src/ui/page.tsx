import { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n';

let firstPage = true;

/**
 * A page's heading and title. After a navigation inside the app, focus moves to the heading, so keyboard and
 * screen-reader users start at the new page rather than at the link they followed.
 */
export function Page({
  title,
  children,
  wide,
}: {
  title: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
  useEffect(() => {
    if (!firstPage) heading.current?.focus();
    firstPage = false;
  }, []);
  return (
    <div class={wide ? 'page page-wide' : 'page'}>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </div>
  );
}
