import { useMemo } from 'react';
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Form, Input, List, Row, Select, Skeleton, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { meetingTypes } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ForbiddenResult } from '../../../shared/ui/results';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useBranch, useBranchMembers, useCreateMeeting, useMeetings, usePeopleOptions, type Branch } from '../api';
import { groupBySide, meetingBody, openResolutions, todayShanghai, type MeetingFormValues } from '../bodies';
import { CaseOptionSelect } from '../components/CaseOptionSelect';
import { ResolutionCase } from '../components/tags';

function tomorrow(): string {
  const d = new Date(`${todayShanghai()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function MeetingForm({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [form] = Form.useForm<MeetingFormValues>();
  const create = useCreateMeeting();
  const members = useBranchMembers(branch.id, false);
  const earlier = useMeetings({ page: 1, pageSize: 200, branchId: branch.id });
  const people = usePeopleOptions(branch.project.id, true);
  const carried = useMemo(() => openResolutions(earlier.data?.items ?? []), [earlier.data]);
  const memberUserIds = new Set((members.data ?? []).map((m) => m.userId).filter(Boolean));
  const others = (people.data ?? []).filter((p) => !memberUserIds.has(p.id));
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const allMemberIds = (members.data ?? []).map((m) => m.id);

  if (members.isPending) return <Skeleton active />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;

  return (
    <Form<MeetingFormValues>
      form={form}
      layout="vertical"
      name="meeting"
      scrollToFirstError
      initialValues={{ type: 'deliberation', date: tomorrow(), startTime: '14:30', endTime: '16:00', inviteeMemberIds: allMemberIds, inviteeUserIds: [], agenda: [{ title: '' }] }}
      onFinish={(v) =>
        create.mutate(meetingBody(branch.id, v), {
          onSuccess: (m) => {
            feedback.success('branches.scheduled');
            navigate(`/meetings/${m.id}`);
          },
          onError: (e) => feedback.error(e, { form }),
        })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="type" label={t('branches.meetingTypeLabel')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={meetingTypes.map((type) => ({ value: type, label: t(`branches.meetingType.${type}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="title" label={t('branches.meetingTitle')} rules={[required, { min: 2, message: t('validation.min', { n: 2 }) }, { max: 200, message: t('validation.max', { n: 200 }) }]}>
            <Input placeholder={t('branches.meetingTitlePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="date" label={t('branches.date')} rules={[{ required: true, message: t('validation.date') }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="startTime" label={t('branches.startTime')} rules={[{ required: true, message: t('branches.pickTime') }]}>
            <Input type="time" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="endTime"
            label={t('branches.endTime')}
            dependencies={['startTime']}
            rules={[
              { required: true, message: t('branches.pickTime') },
              ({ getFieldValue }) => ({
                validator: async (_, v?: string) => {
                  const start = getFieldValue('startTime') as string | undefined;
                  if (v && start && v <= start) throw new Error(t('branches.endAfterStart'));
                },
              }),
            ]}
          >
            <Input type="time" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="place" label={t('branches.place')} rules={[required, { max: 200, message: t('validation.max', { n: 200 }) }]}>
            <Input placeholder={t('branches.placePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>

      <Card size="small" title={t('branches.invitees')} style={{ marginBottom: 16 }}
        extra={
          <Space size={4}>
            <Button size="small" type="link" onClick={() => form.setFieldValue('inviteeMemberIds', allMemberIds)}>{t('branches.selectAll')}</Button>
            <Button size="small" type="link" onClick={() => form.setFieldValue('inviteeMemberIds', [])}>{t('branches.selectNone')}</Button>
          </Space>
        }
      >
        {allMemberIds.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('branches.noMembersToInvite')} />
        ) : (
          <Form.Item name="inviteeMemberIds" noStyle>
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={8} style={{ width: '100%' }}>
                {groupBySide(members.data ?? []).map((g) => (
                  <Flex key={g.side} gap={8} wrap align="baseline">
                    <Typography.Text type="secondary" style={{ width: isMobile ? '100%' : 80 }}>{t(`branches.sides.${g.side}`)}</Typography.Text>
                    {g.members.map((m) => (
                      <Checkbox key={m.id} value={m.id}>{m.name}</Checkbox>
                    ))}
                  </Flex>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="inviteeUserIds" label={t('branches.otherInvitees')} style={{ marginTop: 12, marginBottom: 0 }} extra={t('branches.otherInviteesHint')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.isLoading}
            placeholder={t('branches.pickPerson')}
            options={others.map((p) => ({ value: p.id, label: [p.name, p.role ? t(`assignmentRole.${p.role}`) : p.projectName].filter(Boolean).join(' · ') }))}
          />
        </Form.Item>
      </Card>

      <Card size="small" title={t('branches.agenda')} style={{ marginBottom: 16 }}>
        {carried.length ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('branches.carriedIntro', { count: carried.length })}
            description={
              <List
                size="small"
                dataSource={carried}
                renderItem={(r) => (
                  <List.Item key={r.id}>
                    <Flex vertical gap={2}>
                      <span>【{t('branches.carried')}】{r.text}</span>
                      <ResolutionCase resolution={r} />
                    </Flex>
                  </List.Item>
                )}
              />
            }
          />
        ) : null}
        <Form.List name="agenda">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap={isMobile}>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={i === 0 || isMobile ? t('branches.agendaItemN', { n: i + 1 }) : undefined}
                    rules={[{ max: 200, message: t('validation.max', { n: 200 }) }]}
                    style={{ flex: 2, minWidth: isMobile ? '100%' : 0, marginBottom: 0 }}
                  >
                    <Input placeholder={t('branches.agendaTitlePlaceholder')} aria-label={t('branches.agendaItemN', { n: i + 1 })} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'caseId']}
                    label={i === 0 && !isMobile ? t('branches.agendaCase') : undefined}
                    style={{ flex: 1, minWidth: isMobile ? 'calc(100% - 40px)' : 0, marginBottom: 0 }}
                  >
                    <CaseOptionSelect projectId={branch.project.id} aria-label={t('branches.agendaCaseN', { n: i + 1 })} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('branches.removeAgendaItem', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: i === 0 && !isMobile ? 30 : 0 }}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })} disabled={fields.length >= 50}>
                {t('branches.addAgendaItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Card>

      <Flex gap={8} justify="flex-end">
        <Button onClick={() => navigate(`/branches/${branch.id}`)}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending}>{t('branches.scheduleOk')}</Button>
      </Flex>
    </Form>
  );
}

/** Schedule a meeting of a branch: type, time, place, invitees among the members (and others), agenda. */
export default function MeetingNewPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const branch = useBranch(id);
  if (branch.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (branch.isError) return <ErrorState error={branch.error} onRetry={() => void branch.refetch()} />;
  if (!branch.data.allowedActions.includes('schedule-meeting')) return <ForbiddenResult />;
  return (
    <>
      <PageHeader title={t('branches.schedule')} sub={branch.data.name} />
      <MeetingForm branch={branch.data} />
    </>
  );
}
