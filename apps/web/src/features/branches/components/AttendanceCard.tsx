import { useEffect, useState } from 'react';
import { Button, Card, Empty, Flex, Input, List, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useMeetingChange, type Meeting } from '../api';
import { attendanceBody, type Attendance, type AttendanceRow } from '../bodies';

const attendanceColor = { present: 'success', absent: 'error', leave: 'warning' } as const;

function rowsOf(m: Meeting): Record<string, AttendanceRow> {
  return Object.fromEntries(m.invitees.map((i) => [i.id, { attendance: i.attendance, leaveReason: i.leaveReason }]));
}

/** Attendance (present / absent / on leave with reason); while the minutes are circulated, who confirmed or commented. */
export function AttendanceCard({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const change = useMeetingChange(m.id);
  const editable = m.allowedActions.includes('attendance');
  const [rows, setRows] = useState<Record<string, AttendanceRow>>(() => rowsOf(m));
  const [missing, setMissing] = useState<string[]>([]);
  // Start again from the server's record when it changes (not when other parts of the meeting do).
  const recorded = m.invitees.map((i) => `${i.id}:${i.attendance ?? ''}:${i.leaveReason ?? ''}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setRows(rowsOf(m)), [recorded]);

  const set = (id: string, patch: AttendanceRow) => {
    setRows((r) => ({ ...r, [id]: { ...r[id], ...patch } }));
    setMissing((x) => x.filter((y) => y !== id));
  };
  const marked = m.invitees.filter((i) => rows[i.id]?.attendance).length;
  const save = () => {
    const noReason = m.invitees.filter((i) => rows[i.id]?.attendance === 'leave' && !rows[i.id]?.leaveReason?.trim()).map((i) => i.id);
    setMissing(noReason);
    if (noReason.length) return;
    change.mutate(
      { kind: 'attendance', body: attendanceBody(m.invitees, rows, m.version) },
      { onSuccess: () => feedback.success('branches.attendanceSaved'), onError: (e) => void feedback.error(e) },
    );
  };
  const allPresent = () => setRows(Object.fromEntries(m.invitees.map((i) => [i.id, { attendance: 'present' as Attendance, leaveReason: null }])));
  const counts = (['present', 'absent', 'leave'] as const).map((a) => ({ a, n: m.invitees.filter((i) => i.attendance === a).length }));

  return (
    <Card
      size="small"
      title={t('branches.attendance')}
      extra={
        editable ? (
          <Button size="small" type="link" onClick={allPresent}>{t('branches.allPresent')}</Button>
        ) : (
          <Flex gap={4} wrap>{counts.map(({ a, n }) => (n ? <Tag key={a} color={attendanceColor[a]}>{t(`branches.attendanceValue.${a}`)} {n}</Tag> : null))}</Flex>
        )
      }
    >
      {m.invitees.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('branches.noInvitees')} />
      ) : (
        <List
          size="small"
          dataSource={m.invitees}
          renderItem={(i) => {
            const row = rows[i.id] ?? {};
            return (
              <List.Item key={i.id} data-testid="invitee">
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Flex justify="space-between" align="center" wrap gap={8}>
                    <Typography.Text strong>{i.name}</Typography.Text>
                    {editable ? (
                      <Radio.Group
                        size="small"
                        optionType="button"
                        buttonStyle="solid"
                        value={row.attendance ?? undefined}
                        onChange={(e) => set(i.id, { attendance: e.target.value as Attendance })}
                        aria-label={t('branches.attendanceOf', { name: i.name })}
                        options={(['present', 'absent', 'leave'] as const).map((a) => ({ value: a, label: t(`branches.attendanceValue.${a}`) }))}
                      />
                    ) : i.attendance ? (
                      <Tag color={attendanceColor[i.attendance]}>{t(`branches.attendanceValue.${i.attendance}`)}</Tag>
                    ) : (
                      <Typography.Text type="secondary">{t('branches.notRecorded')}</Typography.Text>
                    )}
                  </Flex>
                  {editable && row.attendance === 'leave' ? (
                    <Input
                      size="small"
                      maxLength={200}
                      status={missing.includes(i.id) ? 'error' : undefined}
                      placeholder={t('branches.leaveReason')}
                      aria-label={t('branches.leaveReasonOf', { name: i.name })}
                      value={row.leaveReason ?? ''}
                      onChange={(e) => set(i.id, { leaveReason: e.target.value })}
                    />
                  ) : null}
                  {editable && missing.includes(i.id) ? <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('branches.leaveReasonRequired')}</Typography.Text> : null}
                  {!editable && i.attendance === 'leave' && i.leaveReason ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('branches.leaveBecause', { reason: i.leaveReason })}</Typography.Text>
                  ) : null}
                  {i.confirmation ? (
                    <Typography.Text type={i.confirmation === 'confirmed' ? 'success' : 'warning'} style={{ fontSize: 12 }}>
                      {i.confirmation === 'confirmed' ? t('branches.minutesConfirmed') : t('branches.minutesCommented', { comment: i.comment ?? '' })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
      {editable && m.invitees.length ? (
        <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('branches.markedOf', { n: marked, total: m.invitees.length })}</Typography.Text>
          <Button type="primary" onClick={save} loading={change.isPending} disabled={marked === 0}>{t('branches.saveAttendance')}</Button>
        </Flex>
      ) : null}
    </Card>
  );
}
