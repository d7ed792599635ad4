import { Breadcrumb } from 'antd';
import { Link, useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface CrumbHandle {
  crumb?: string;
}

/** Built from the matched routes' `handle.crumb` (an i18n key). */
export function Breadcrumbs() {
  const { t } = useTranslation();
  const matches = useMatches();
  const crumbs = matches.filter((m) => (m.handle as CrumbHandle | undefined)?.crumb);
  if (crumbs.length === 0) return null;
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={crumbs.map((m, i) => {
        const label = t((m.handle as CrumbHandle).crumb as string);
        return { key: m.id, title: i < crumbs.length - 1 ? <Link to={m.pathname}>{label}</Link> : label };
      })}
    />
  );
}
