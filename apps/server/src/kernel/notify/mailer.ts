import nodemailer, { type Transporter } from 'nodemailer';

const transports = new Map<string, Transporter>();

/** Sends one plain-text message through the configured SMTP server (one pooled transport per URL). */
export async function sendMail(smtp: { url: string; from: string }, msg: { to: string; subject: string; text: string }): Promise<void> {
  let t = transports.get(smtp.url);
  if (!t) {
    t = nodemailer.createTransport(smtp.url, { from: smtp.from });
    transports.set(smtp.url, t);
  }
  await t.sendMail({ from: smtp.from, ...msg });
}
