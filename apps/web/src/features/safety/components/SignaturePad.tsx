import { useEffect, useRef, useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { CheckOutlined, ClearOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fileUrl, uploadFile } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/errors';

const HEIGHT = 180;

interface Props {
  /** The stored signature (a PNG in /files), or null. */
  value: string | null;
  /** Called with the uploaded PNG's id, or null when cleared. */
  onChange: (fileId: string | null) => Promise<unknown> | void;
  label: string;
  disabled?: boolean;
}

/** A signature drawn with a finger or the mouse on a canvas, uploaded as a PNG through /files. */
export function SignaturePad({ value, onChange, label, disabled }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(!value);

  useEffect(() => setEditing(!value), [value]);

  // Size the bitmap to the element (sharp lines on high-density phone screens).
  useEffect(() => {
    const c = canvas.current;
    if (!editing || !c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio);
    c.height = Math.round(HEIGHT * ratio);
    const g = c.getContext('2d');
    if (!g) return;
    g.scale(ratio, ratio);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    g.lineWidth = 2.6;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#111';
    setDirty(false);
  }, [editing]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = point(e);
    const g = e.currentTarget.getContext('2d');
    if (g) {
      g.beginPath();
      g.arc(drawing.current.x, drawing.current.y, 1.2, 0, Math.PI * 2);
      g.fillStyle = '#111';
      g.fill();
    }
    setDirty(true);
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const from = drawing.current;
    if (!from) return;
    const to = point(e);
    const g = e.currentTarget.getContext('2d');
    if (!g) return;
    g.beginPath();
    g.moveTo(from.x, from.y);
    g.lineTo(to.x, to.y);
    g.stroke();
    drawing.current = to;
  };
  const up = () => {
    drawing.current = null;
  };
  const clear = () => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    g.save();
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    g.restore();
    setDirty(false);
  };
  const save = async () => {
    const c = canvas.current;
    if (!c || !dirty) return;
    setBusy(true);
    try {
      const blob = await new Promise<Blob>((res, rej) => c.toBlob((b) => (b ? res(b) : rej(new Error('png'))), 'image/png'));
      const f = await uploadFile(blob, 'signature.png');
      await onChange(f.id);
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const redo = () =>
    modal.confirm({
      title: t('safety.resignConfirm'),
      okText: t('safety.resign'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => setEditing(true),
    });

  if (value && !editing) {
    return (
      <Flex vertical gap={6}>
        <img src={fileUrl(value)} alt={t('safety.signatureOf', { who: label })} style={{ width: '100%', maxWidth: 420, height: 'auto', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }} />
        {!disabled ? <Button icon={<EditOutlined />} onClick={redo} style={{ alignSelf: 'flex-start' }}>{t('safety.resign')}</Button> : null}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={6}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={t('safety.signHere', { who: label })}
        data-signature-pad={label}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onPointerLeave={up}
        style={{ width: '100%', maxWidth: 520, height: HEIGHT, border: '1px dashed #8c8c8c', borderRadius: 6, background: '#fff', touchAction: 'none', cursor: 'crosshair' }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('safety.signHint')}</Typography.Text>
      <Flex gap={8}>
        <Button icon={<ClearOutlined />} onClick={clear} disabled={!dirty || busy}>{t('safety.signClear')}</Button>
        <Button type="primary" icon={<CheckOutlined />} onClick={() => void save()} disabled={!dirty} loading={busy}>{t('safety.signSave', { who: label })}</Button>
      </Flex>
    </Flex>
  );
}
