import { Image } from 'antd';
import { FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { fileUrl } from '../api/client';

export interface FileLike {
  id: string;
  name: string;
  mediaType?: string;
  hasThumbnail?: boolean;
}

/** A thumbnail (images, opening the original) or an icon linking to the file. */
export function FileThumb({ file, size = 72 }: { file: FileLike; size?: number }) {
  const isImage = file.hasThumbnail ?? file.mediaType?.startsWith('image/') ?? false;
  if (isImage) {
    return (
      <Image
        src={fileUrl(file.id, 'thumb')}
        preview={{ src: fileUrl(file.id) }}
        alt={file.name}
        width={size}
        height={size}
        style={{ objectFit: 'cover', borderRadius: 6 }}
      />
    );
  }
  const Icon = file.mediaType === 'application/pdf' ? FilePdfOutlined : FileOutlined;
  return (
    <a href={fileUrl(file.id)} target="_blank" rel="noreferrer" aria-label={file.name}
      style={{ width: size, height: size, display: 'flex', alignItems: 'center', justifyContent: 'center', border: '1px solid #d9d9d9', borderRadius: 6, fontSize: size / 2.5 }}>
      <Icon />
    </a>
  );
}
