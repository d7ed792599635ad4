import { useMemo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectApproval } from '../api';

type Agent = NonNullable<ProjectApproval['agent']>;

/**
 * Agents (代办员) already on this chain (or any chain the caller sees). The API has no list of department
 * handlers for commissioners (GET /users needs user.manage), so the picker offers the agents it knows.
 */
export function AgentSelect({ value, onChange, agents, id }: { value?: string | null; onChange?: (v: string | null) => void; agents: Agent[]; id?: string }) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const seen = new Map<string, Agent>();
    for (const a of agents) seen.set(a.id, a);
    return [...seen.values()].map((a) => ({ value: a.id, label: a.unit ? t('approvals.paren', { name: a.displayName, extra: a.unit.name }) : a.displayName }));
  }, [agents, t]);
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      placeholder={t('approvals.agentPick')}
      notFoundContent={t('approvals.noAgents')}
    />
  );
}

export function agentsOf(items: readonly ProjectApproval[]): Agent[] {
  return items.flatMap((i) => (i.agent ? [i.agent] : []));
}
