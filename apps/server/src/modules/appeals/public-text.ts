/**
 * Text the public sees is written by staff or residents and may carry someone's contact details. Phone numbers,
 * e-mail addresses and ID-card numbers are masked before anything leaves through a public page or Open311.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-2)}`;
  return '****';
}

export function redactText(text: string): string {
  return text
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (id) => `${id.slice(0, 3)}***********${id.slice(-4)}`)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m))
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, (m) => maskPhone(m))
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***@***');
}

/** A resident's name shown back to others: the family name and a mask (张**). */
export const maskName = (name: string) => ([...name][0] ?? '') + '**';
