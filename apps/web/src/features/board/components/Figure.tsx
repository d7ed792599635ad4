import type { CSSProperties, ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { drillTarget } from '../period';

interface Props {
  label: ReactNode;
  value: ReactNode;
  suffix?: ReactNode;
  /** the list behind the figure */
  drill?: string | null;
  sub?: ReactNode;
  color?: string;
  /** accessible name of the link, e.g. "红灯 2" */
  name?: string;
  size?: 'large' | 'default';
  style?: CSSProperties;
}

/** One number on the board; with a drill path it is a link to the list behind it. */
export function Figure({ label, value, suffix, drill, sub, color, name, size = 'default', style }: Props) {
  const to = drill ? drillTarget(drill) : null;
  const body = (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{label}</Typography.Text>
      <span style={{ fontSize: size === 'large' ? 28 : 22, fontWeight: 600, lineHeight: 1.2, color: color ?? (to ? '#1677ff' : undefined), fontVariantNumeric: 'tabular-nums' }}>
        {value}
        {suffix ? <span style={{ fontSize: 13, fontWeight: 400, marginInlineStart: 2 }}>{suffix}</span> : null}
      </span>
      {sub ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{sub}</Typography.Text> : null}
    </Flex>
  );
  const box: CSSProperties = { display: 'block', padding: '8px 10px', borderRadius: 8, background: '#fafafa', minWidth: 0, height: '100%', ...style };
  if (!to) return <div style={box}>{body}</div>;
  return (
    <Link to={to} aria-label={name} className="board-figure" style={{ ...box, color: 'inherit' }}>
      {body}
    </Link>
  );
}
