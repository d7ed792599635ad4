import { useEffect, useState } from 'react';
import { Alert, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSimilarCases } from '../api';
import { CaseStatusTag } from './CaseTags';

/** Open cases on the same project with a similar title, shown while the title is typed (duplicate prevention). */
export function SimilarCases({ projectId, title }: { projectId?: string; title: string }) {
  const { t } = useTranslation();
  const [debounced, setDebounced] = useState(title);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(title.trim()), 400);
    return () => clearTimeout(h);
  }, [title]);
  const similar = useSimilarCases(projectId, debounced);
  const items = similar.data ?? [];
  if (!projectId || debounced.length < 2 || !items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('caseForm.similarTitle', { count: items.length })}
      description={
        <Flex vertical gap={4} role="list" aria-label={t('caseForm.similarList')}>
          {items.map((c) => (
            <Flex key={c.id} gap={8} wrap align="center" role="listitem">
              <Link to={`/cases/${c.id}`} target="_blank">{c.number}</Link>
              <span>{c.title}</span>
              <CaseStatusTag status={c.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('caseForm.likeness', { percent: Math.round(c.score * 100) })}</Typography.Text>
            </Flex>
          ))}
          <Typography.Text type="secondary">{t('caseForm.similarHint')}</Typography.Text>
        </Flex>
      }
    />
  );
}
