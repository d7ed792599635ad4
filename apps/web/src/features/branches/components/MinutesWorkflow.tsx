import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Steps, Typography } from 'antd';
import { CheckOutlined, CommentOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useMeetingChange, type Meeting } from '../api';

function CommentModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const change = useMeetingChange(meeting.id);
  const feedback = useFeedback();
  return (
    <Modal open title={t('branches.commentMinutes')} okText={t('common.submit')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={change.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="minutes-comment"
        onFinish={(v) =>
          change.mutate(
            { kind: 'confirm', body: { decision: 'commented', comment: v.comment.trim() } },
            { onSuccess: () => { feedback.success('branches.commentSent'); onClose(); }, onError: (e) => feedback.error(e, { form }) },
          )
        }
      >
        <Form.Item name="comment" label={t('branches.comment')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 2000, message: t('validation.max', { n: 2000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Minutes: draft → circulated (attendees confirm or comment) → final (locked). */
export function MinutesWorkflow({ meeting: m, myInviteeId }: { meeting: Meeting; myInviteeId?: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const feedback = useFeedback();
  const change = useMeetingChange(m.id);
  const [commenting, setCommenting] = useState(false);
  const can = (a: string) => m.allowedActions.includes(a);
  const step = { draft: 0, circulated: 1, final: 2 }[m.minutesStatus];
  const present = m.invitees.filter((i) => i.attendance === 'present');
  const confirmed = m.invitees.filter((i) => i.confirmation === 'confirmed').length;
  const commented = m.invitees.filter((i) => i.confirmation === 'commented').length;
  const mine = m.invitees.find((i) => i.id === myInviteeId);

  const advance = (kind: 'circulate' | 'finalize') =>
    modal.confirm({
      title: t(kind === 'circulate' ? 'branches.circulateConfirm' : 'branches.finalizeConfirm'),
      content: t(kind === 'circulate' ? 'branches.circulateHint' : 'branches.finalizeHint'),
      okText: t(kind === 'circulate' ? 'branches.circulate' : 'branches.finalize'),
      cancelText: t('common.cancel'),
      onOk: () =>
        change.mutateAsync({ kind, body: { version: m.version } }).then(
          () => feedback.success(kind === 'circulate' ? 'branches.circulated' : 'branches.finalized'),
          (e: unknown) => void feedback.error(e),
        ),
    });

  return (
    <Card size="small" title={t('branches.minutesWorkflow')}>
      <Steps
        size="small"
        orientation={isMobile ? 'vertical' : 'horizontal'}
        current={step}
        status={m.minutesStatus === 'final' ? 'finish' : 'process'}
        items={[
          { title: t('branches.minutesStatus.draft'), content: t('branches.stepDraft') },
          { title: t('branches.minutesStatus.circulated'), content: t('branches.stepCirculated') },
          { title: t('branches.minutesStatus.final'), content: t('branches.stepFinal') },
        ]}
      />
      {m.minutesStatus === 'circulated' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('branches.confirmProgress', { confirmed, commented, total: present.length })}
        </Typography.Paragraph>
      ) : null}
      {m.minutesStatus === 'draft' && m.status === 'scheduled' && can('attendance') ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('branches.attendanceFirst')}</Typography.Paragraph>
      ) : null}
      {m.minutesStatus === 'final' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}><LockOutlined /> {t('branches.lockedHint')}</Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {can('circulate') ? <Button type="primary" icon={<SendOutlined />} onClick={() => advance('circulate')}>{t('branches.circulate')}</Button> : null}
        {can('finalize') ? <Button type="primary" icon={<LockOutlined />} onClick={() => advance('finalize')}>{t('branches.finalize')}</Button> : null}
        {can('confirm-minutes') ? (
          <>
            <Button
              icon={<CheckOutlined />}
              loading={change.isPending}
              type={mine?.confirmation ? 'default' : 'primary'}
              onClick={() =>
                change.mutate({ kind: 'confirm', body: { decision: 'confirmed' } }, { onSuccess: () => feedback.success('branches.confirmedOk'), onError: (e) => void feedback.error(e) })
              }
            >
              {t('branches.confirmMinutes')}
            </Button>
            <Button icon={<CommentOutlined />} onClick={() => setCommenting(true)}>{t('branches.commentMinutes')}</Button>
          </>
        ) : null}
      </Flex>
      {mine?.confirmation ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {mine.confirmation === 'confirmed' ? t('branches.youConfirmed') : t('branches.youCommented', { comment: mine.comment ?? '' })}
        </Typography.Paragraph>
      ) : null}
      {commenting ? <CommentModal meeting={m} onClose={() => setCommenting(false)} /> : null}
    </Card>
  );
}
