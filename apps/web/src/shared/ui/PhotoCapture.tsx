import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Flex, Image, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { jpegName, resizePhoto } from '../image';

export interface LocalPhoto {
  name: string;
  blob: Blob;
}

interface Props {
  value?: LocalPhoto[];
  onChange?: (v: LocalPhoto[]) => void;
  max?: number;
  id?: string;
}

/** Photos taken with the camera (or picked), resized on the device; kept as blobs until sent. */
export function PhotoCapture({ value = [], onChange, max = 12, id }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const urls = useMemo(() => value.map((p) => URL.createObjectURL(p.blob)), [value]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setFailed(false);
    const next = [...value];
    for (const f of [...files].slice(0, Math.max(0, max - value.length))) {
      try {
        next.push({ name: jpegName(f.name), blob: await resizePhoto(f) });
      } catch {
        setFailed(true);
      }
    }
    setBusy(false);
    onChange?.(next);
    if (input.current) input.current.value = '';
  };

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        {value.map((p, i) => (
          <div key={`${p.name}-${i}`} style={{ position: 'relative' }}>
            <Image src={urls[i]} alt={p.name} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} />
            <Button
              size="small"
              danger
              shape="circle"
              icon={<DeleteOutlined />}
              aria-label={t('photos.remove', { name: p.name })}
              onClick={() => onChange?.(value.filter((_, j) => j !== i))}
              style={{ position: 'absolute', top: 2, right: 2 }}
            />
          </div>
        ))}
      </Flex>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        aria-label={t('photos.take')}
        style={{ display: 'none' }}
        onChange={(e) => void add(e.target.files)}
      />
      {value.length < max ? (
        <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()} style={{ alignSelf: 'flex-start' }}>
          {t('photos.take')}
        </Button>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('photos.hint', { max })}
      </Typography.Text>
      {failed ? <Typography.Text type="danger">{t('photos.failed')}</Typography.Text> : null}
    </Flex>
  );
}
