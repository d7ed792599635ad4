import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function SeverityTag({ severity }: { severity: 'general' | 'major' }) {
  const { t } = useTranslation();
  return <Tag color={severity === 'major' ? 'red' : 'orange'}>{t(`safety.severity.${severity}`)}</Tag>;
}

const resultColor = { pass: 'success', fail: 'error', na: 'default' } as const;

export function ResultTag({ result }: { result: 'pass' | 'fail' | 'na' | null }) {
  const { t } = useTranslation();
  if (!result) return <Tag>{t('safety.result.pending')}</Tag>;
  return <Tag color={resultColor[result]}>{t(`safety.result.${result}`)}</Tag>;
}
