import { useState } from 'react';
import { App, Button, Dropdown, Flex } from 'antd';
import { EllipsisOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { ActionModal } from '../actions/ActionModal';
import { DANGER, NO_FIELDS } from '../actions/ActionFields';
import { useCaseAction, type CaseDetail } from '../api';

/** The actions the server says the caller may take now: the leading ones as buttons, the rest in a menu. */
const PRIMARY: readonly CaseAction[] = ['accept', 'dispatch', 'sign', 'answer', 'verify', 'decide-extension', 'rate'];

export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const run = useCaseAction(c.id);
  const feedback = useFeedback();
  const [open, setOpen] = useState<CaseAction | null>(null);
  if (!c.allowedActions.length) return null;

  const start = (a: CaseAction) => {
    if (!NO_FIELDS.includes(a)) return setOpen(a);
    modal.confirm({
      title: t(`caseAction.${a}Confirm`, { number: c.number }),
      okText: t(`caseAction.${a}`),
      cancelText: t('common.cancel'),
      onOk: () =>
        run.mutateAsync({ action: a, body: { version: c.version } }).then(
          () => feedback.success('caseAction.done', { action: t(`caseAction.${a}`) }),
          (e: unknown) => void feedback.error(e),
        ),
    });
  };

  const primary = c.allowedActions.filter((a) => PRIMARY.includes(a));
  const rest = c.allowedActions.filter((a) => !PRIMARY.includes(a));
  const inline = isMobile ? primary : [...primary, ...rest.filter((a) => a === 'comment')];
  const menu = rest.filter((a) => !inline.includes(a));
  return (
    <Flex wrap gap={8}>
      {inline.map((a, i) => (
        <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={DANGER.includes(a)} onClick={() => start(a)}>
          {t(`caseAction.${a}`)}
        </Button>
      ))}
      {menu.length ? (
        <Dropdown trigger={['click']} menu={{ items: menu.map((a) => ({ key: a, label: t(`caseAction.${a}`), danger: DANGER.includes(a) })), onClick: ({ key }) => start(key as CaseAction) }}>
          <Button icon={<EllipsisOutlined />}>{t('caseAction.more')}</Button>
        </Dropdown>
      ) : null}
      {open ? <ActionModal c={c} action={open} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
}
