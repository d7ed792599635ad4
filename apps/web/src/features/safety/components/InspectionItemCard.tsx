import { useEffect, useRef, useState } from 'react';
import { Button, Card, Flex, Image, Input, Typography } from 'antd';
import { CameraOutlined, CheckOutlined, CloseOutlined, MinusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../../shared/api/client';
import type { InspectionItem } from '../api';
import type { ItemState, Result } from './inspectionChecks';
import { SeverityTag } from './SeverityTag';


interface Props {
  item: InspectionItem;
  state: ItemState;
  problems?: string[];
  busyPhoto?: boolean;
  onResult: (r: Result) => void;
  onNote: (note: string) => void;
  onPhoto: (file: File) => void;
}

const BORDER: Record<Result, string> = { pass: '#52c41a', fail: '#f5222d', na: '#bfbfbf' };
const COLOR: Record<Result, 'green' | 'danger' | 'default'> = { pass: 'green', fail: 'danger', na: 'default' };
const ICON: Record<Result, React.ReactNode> = { pass: <CheckOutlined />, fail: <CloseOutlined />, na: <MinusOutlined /> };

/** One checklist item on a phone: three big buttons, and for a failure a photo and a note. */
export function InspectionItemCard({ item, state, problems, busyPhoto, onResult, onNote, onPhoto }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState(state.note ?? '');
  useEffect(() => setNote(state.note ?? ''), [state.note]);
  const failed = state.result === 'fail';
  const flagged = !!problems?.length;

  return (
    <Card
      size="small"
      data-item-position={item.position}
      data-item-result={state.result ?? 'pending'}
      style={{ borderInlineStart: `4px solid ${state.result ? BORDER[state.result] : '#d9d9d9'}`, ...(flagged ? { borderColor: '#ff4d4f', boxShadow: '0 0 0 1px #ff4d4f' } : {}) }}
    >
      <Flex vertical gap={8}>
        <Flex gap={6} align="flex-start">
          <Typography.Text type="secondary" style={{ minWidth: 24 }}>{item.position}.</Typography.Text>
          <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text style={{ fontSize: 15 }}>{item.text}</Typography.Text>
            <Flex gap={6} align="center" wrap>
              <SeverityTag severity={item.severity} />
              {item.basis ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.basis}</Typography.Text> : null}
            </Flex>
          </Flex>
        </Flex>
        <Flex gap={6} role="group" aria-label={t('safety.resultFor', { n: item.position })}>
          {(['pass', 'fail', 'na'] as const).map((r) => {
            const on = state.result === r;
            return (
              <Button
                key={r}
                aria-pressed={on}
                color={on ? COLOR[r] : 'default'}
                variant={on ? 'solid' : 'outlined'}
                icon={ICON[r]}
                onClick={() => onResult(r)}
                style={{ flex: 1, height: 48, fontSize: 16 }}
              >
                {t(`safety.result.${r}`)}
              </Button>
            );
          })}
        </Flex>
        {failed ? (
          <Flex vertical gap={8} style={{ background: '#fff1f0', padding: 8, borderRadius: 6 }}>
            <Flex gap={8} align="center" wrap>
              {state.photoId ? (
                <Image src={fileUrl(state.photoId, 'thumb')} preview={{ src: fileUrl(state.photoId) }} width={72} height={72}
                  alt={t('safety.photoOf', { n: item.position })} style={{ objectFit: 'cover', borderRadius: 6 }} />
              ) : null}
              <input
                ref={input}
                type="file"
                accept="image/*"
                capture="environment"
                aria-label={t('safety.photoOf', { n: item.position })}
                style={{ display: 'none' }}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) onPhoto(f);
                  e.target.value = '';
                }}
              />
              <Button icon={<CameraOutlined />} size="large" loading={busyPhoto} danger={!state.photoId} onClick={() => input.current?.click()}>
                {state.photoId ? t('safety.photoRetake') : t('safety.photoTake')}
              </Button>
            </Flex>
            <Input.TextArea
              aria-label={t('safety.noteOf', { n: item.position })}
              placeholder={t('safety.notePlaceholder')}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => {
                if (note.trim() !== (state.note ?? '')) onNote(note.trim());
              }}
            />
          </Flex>
        ) : null}
        {flagged ? (
          <Typography.Text type="danger" style={{ fontSize: 13 }}>{problems!.join('；')}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
