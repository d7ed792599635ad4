import { useRef, useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { uploadFile, type UploadedFile } from '../api/client';
import { errorMessage } from '../api/errors';
import { jpegName, resizePhoto } from '../image';
import { FileThumb } from './FileThumb';

interface Props {
  value?: UploadedFile[];
  onChange?: (v: UploadedFile[]) => void;
  max?: number;
  accept?: string;
  id?: string;
  label?: string;
}

/** Files uploaded through /files as soon as they are picked (photos resized first); the value is what the server stored. */
export function UploadList({ value = [], onChange, max = 20, accept, id, label }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    const next = [...value];
    for (const f of [...files].slice(0, Math.max(0, max - value.length))) {
      try {
        const isPhoto = f.type.startsWith('image/') && f.type !== 'image/gif' && f.type !== 'image/svg+xml';
        const blob = isPhoto ? await resizePhoto(f).catch(() => f) : f;
        next.push(await uploadFile(blob, isPhoto && blob !== f ? jpegName(f.name) : f.name));
      } catch (e) {
        void message.error(`${f.name}: ${errorMessage(e, t)}`);
      }
    }
    setBusy(false);
    onChange?.(next);
    if (input.current) input.current.value = '';
  };

  return (
    <Flex vertical gap={8}>
      {value.length ? (
        <Flex wrap gap={8}>
          {value.map((f) => (
            <Flex key={f.id} vertical align="center" gap={2} style={{ width: 96 }}>
              <FileThumb file={f} size={72} />
              <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: 96 }} title={f.name}>
                {f.name}
              </Typography.Text>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('photos.remove', { name: f.name })}
                onClick={() => onChange?.(value.filter((x) => x.id !== f.id))}
              />
            </Flex>
          ))}
        </Flex>
      ) : null}
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        multiple
        aria-label={label ?? t('files.upload')}
        style={{ display: 'none' }}
        onChange={(e) => void add(e.target.files)}
      />
      {value.length < max ? (
        <Button icon={accept?.startsWith('image') ? <UploadOutlined /> : <PaperClipOutlined />} loading={busy} onClick={() => input.current?.click()} style={{ alignSelf: 'flex-start' }}>
          {label ?? t('files.upload')}
        </Button>
      ) : null}
    </Flex>
  );
}
