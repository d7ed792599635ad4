import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS = { none: '#bfbfbf', green: '#52c41a', yellow: '#faad14', red: '#f5222d' } as const;
export type DaysLight = keyof typeof COLORS;

/**
 * Working days used against the statutory limit: green, amber from 80% of the limit, red past it.
 * The colour is the server's `light`, so the web never re-decides the rule.
 */
export function WorkingDaysBar({ used, limit, light }: { used: number | null; limit: number; light: DaysLight }) {
  const { t } = useTranslation();
  if (used === null) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('approvals.clockNotStarted', { limit })}
      </Typography.Text>
    );
  }
  const pct = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 100;
  const over = used - limit;
  return (
    <Flex vertical gap={0} data-light={light}>
      <Progress
        percent={pct}
        showInfo={false}
        strokeColor={COLORS[light]}
        size="small"
        aria-label={t('approvals.daysUsed', { used, limit })}
      />
      <Typography.Text style={{ fontSize: 12 }} type={light === 'red' ? 'danger' : light === 'yellow' ? 'warning' : 'secondary'}>
        {t('approvals.daysUsed', { used, limit })}
        {over > 0 ? ` · ${t('approvals.daysOver', { count: over })}` : ''}
      </Typography.Text>
    </Flex>
  );
}
