import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const riskColor = { low: 'green', medium: 'orange', high: 'red' } as const;

export function RiskTag({ risk }: { risk: 'low' | 'medium' | 'high' }) {
  const { t } = useTranslation();
  return <Tag color={riskColor[risk]}>{t('mediation.riskTag', { risk: t(`mediation.risk.${risk}`) })}</Tag>;
}
