import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface Section {
  path: string;
  labelKey: string;
  show?: boolean;
}

/** The pages of one service (chain · report · catalogue …) as a segmented switch under the page title. */
export function SectionNav({ sections }: { sections: Section[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = sections.filter((s) => s.show !== false);
  if (visible.length < 2) return null;
  const current = [...visible].sort((a, b) => b.path.length - a.path.length).find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  return (
    <div style={{ overflowX: 'auto', marginBottom: 12 }}>
      <Segmented
        value={current?.path ?? visible[0]!.path}
        onChange={(v) => navigate(String(v))}
        options={visible.map((s) => ({ value: s.path, label: t(s.labelKey) }))}
      />
    </div>
  );
}
