import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Form, Input, List, Modal, Row, Skeleton, Switch, Tag, Typography } from 'antd';
import { LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDate } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useBranchMembers, useMemberLeaves, type Branch, type BranchMember } from '../api';
import { groupBySide, todayShanghai } from '../bodies';
import { AddMemberModal } from './AddMemberModal';

const roleColor = { secretary: 'red', deputy: 'volcano', committee: 'orange', member: 'default' } as const;

function LeaveModal({ branchId, member, onClose }: { branchId: string; member: BranchMember; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ leftOn: string }>();
  const leave = useMemberLeaves(branchId);
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t('branches.leaveTitle', { name: member.name })}
      okText={t('branches.leaveOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={leave.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('branches.leaveHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="leave"
        initialValues={{ leftOn: todayShanghai() }}
        onFinish={(v) =>
          leave.mutate(
            { memberId: member.id, leftOn: v.leftOn },
            {
              onSuccess: () => {
                feedback.success('branches.memberLeft', { name: member.name });
                onClose();
              },
              onError: (e) => feedback.error(e, { form, fallbackField: { RULE_VIOLATED: 'leftOn' } }),
            },
          )
        }
      >
        <Form.Item
          name="leftOn"
          label={t('branches.leftOn')}
          rules={[
            { required: true, message: t('validation.date') },
            { validator: async (_, v?: string) => { if (v && v < member.joinedOn) throw new Error(t('branches.leftBeforeJoined', { date: member.joinedOn })); } },
          ]}
        >
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Members grouped by side (街道 / 业主方 / 施工方 / 监理方 / 社区 / 项目专员), with role and party membership. */
export function MemberGroups({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const [former, setFormer] = useState(false);
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<BranchMember | null>(null);
  const members = useBranchMembers(branch.id, former);
  const canManage = branch.allowedActions.includes('manage-members') && branch.status === 'active';

  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  const groups = groupBySide(members.data ?? []);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <Switch size="small" checked={former} onChange={setFormer} id="branch-former" />
          <label htmlFor="branch-former">{t('branches.showFormer')}</label>
        </Flex>
        {canManage ? (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('branches.addMember')}
          </Button>
        ) : null}
      </Flex>
      {members.isPending ? (
        <Skeleton active />
      ) : groups.length === 0 ? (
        <Empty description={canManage ? t('branches.membersEmptyManager') : t('branches.membersEmpty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {groups.map((g) => (
            <Col key={g.side} xs={24} md={12} xl={8}>
              <Card size="small" title={t(`branches.sides.${g.side}`)} extra={<Typography.Text type="secondary">{g.members.length}</Typography.Text>} role="region" aria-label={t(`branches.sides.${g.side}`)}>
                <List
                  size="small"
                  dataSource={g.members}
                  renderItem={(m) => (
                    <List.Item
                      key={m.id}
                      style={{ opacity: m.leftOn ? 0.55 : 1 }}
                      actions={canManage && !m.leftOn ? [
                        <Button key="leave" size="small" type="text" danger icon={<LogoutOutlined />} onClick={() => setLeaving(m)} aria-label={t('branches.leaveTitle', { name: m.name })}>
                          {t('branches.leave')}
                        </Button>,
                      ] : undefined}
                    >
                      <Flex vertical gap={2} style={{ minWidth: 0 }}>
                        <Flex wrap gap={4} align="center">
                          <Typography.Text strong>{m.name}</Typography.Text>
                          <Tag color={roleColor[m.role]}>{t(`branches.roles.${m.role}`)}</Tag>
                          {m.isPartyMember ? <Tag color="red" bordered={false}>{t('branches.partyMember')}</Tag> : <Tag bordered={false}>{t('branches.notPartyMember')}</Tag>}
                          {m.userId ? null : <Tag bordered={false}>{t('branches.external')}</Tag>}
                        </Flex>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                          {m.unitName}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {m.leftOn ? t('branches.servedFromTo', { from: formatDate(m.joinedOn), to: formatDate(m.leftOn) }) : t('branches.joinedAt', { date: formatDate(m.joinedOn) })}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {adding ? <AddMemberModal branch={branch} onClose={() => setAdding(false)} /> : null}
      {leaving ? <LeaveModal branchId={branch.id} member={leaving} onClose={() => setLeaving(null)} /> : null}
    </>
  );
}
