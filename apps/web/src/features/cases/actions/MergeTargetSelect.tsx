import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseOptions, type CaseDetail } from '../api';

/** An open case of the same project to merge this duplicate into. */
export function MergeTargetSelect({ c, value, onChange, id }: { c: CaseDetail; value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const options = useCaseOptions(q, c.project.id);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={options.isFetching}
      placeholder={t('caseForm.mergeSearch')}
      options={(options.data ?? [])
        .filter((x) => x.id !== c.id && !['closed', 'rejected', 'withdrawn'].includes(x.status))
        .map((x) => ({ value: x.id, label: `${x.number} ${x.title}` }))}
    />
  );
}
