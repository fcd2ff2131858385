/**
 * The mayor's weekly digest (SPEC §2.5) as a PNG chart plus the same figures as text, for
 * Telegram (sendPhoto) and Slack (files.uploadV2). Drawn with @napi-rs/canvas (skia, prebuilt,
 * installs offline) and the bundled DejaVu font registered from its package — never a system
 * font — so every machine renders the same glyphs for fr/en/nl/de/pl. Pure: no network, no
 * clock; the figures are the outbox message's params (flattened or not).
 */
import { createRequire } from 'node:module';
import { GlobalFonts, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { flattenParams } from '../../core/phases/scheduled-messages.ts';
import { digestTexts, type DigestTexts } from './digest-texts.ts';

export const DIGEST_WIDTH = 1200;
export const DIGEST_HEIGHT = 900;
/** Telegram's caption limit (sendPhoto `caption`, 0-1024 characters). */
export const CAPTION_LIMIT = 1024;

const FONT = 'PnyxDejaVu';
const require = createRequire(import.meta.url);
GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), FONT);
GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), FONT);

export interface DigestInput {
  /** ParticipationFigures, or its flattened params (`newRegistrations.thisWeek`, …). */
  readonly figures: object;
  readonly locale: string;
  readonly campaign: Pick<Campaign, 'name' | 'categories'>;
}

export interface Digest {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly text: string;
  readonly caption: string;
}

type Flat = Readonly<Record<string, unknown>>;

function num(p: Flat, key: string): number {
  const v = p[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function series(p: Flat, key: string): number[] {
  const out: number[] = [];
  for (let i = 0; `${key}.${i}` in p; i++) out.push(num(p, `${key}.${i}`));
  return out;
}

function localized(text: Readonly<Record<string, string>>, locale: string): string {
  return text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
}

interface Model {
  readonly title: string;
  readonly date: string;
  readonly registrations: number[];
  readonly ideas: number[];
  readonly categories: { readonly label: string; readonly value: number }[];
}

function model(input: DigestInput, p: Flat, t: DigestTexts): Model {
  const at = num(p, 'at');
  return {
    title: `${localized(input.campaign.name, input.locale)} — ${t.title}`,
    date: new Date(at).toISOString().slice(0, 10),
    registrations: series(p, 'registrationsByWeek'),
    ideas: series(p, 'ideasByWeek'),
    categories: input.campaign.categories.map((c) => ({
      label: localized(c.name, input.locale),
      value: num(p, `ideasByCategory.${c.id}`),
    })),
  };
}

/** Text cut with an ellipsis to fit `max` pixels (binary search on the length). */
function fit(ctx: SKRSContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

const INK = '#1f2933';
const GRID = '#d9e2ec';
const REG = '#1c7ed6';
const IDEA = '#f08c00';
const BAR = '#2f9e44';

function drawWeeks(ctx: SKRSContext2D, m: Model, t: DigestTexts, x: number, y: number, w: number, h: number): void {
  ctx.fillStyle = INK;
  ctx.font = `bold 34px ${FONT}`;
  ctx.fillText(fit(ctx, t.overTime, w), x, y + 34);
  const top = y + 110;
  const bottom = y + h - 50;
  const n = Math.max(m.registrations.length, m.ideas.length, 1);
  const max = Math.max(1, ...m.registrations, ...m.ideas);
  // legend
  ctx.font = `26px ${FONT}`;
  ctx.fillStyle = REG;
  ctx.fillRect(x, y + 56, 26, 26);
  ctx.fillStyle = INK;
  ctx.fillText(t.registrations, x + 36, y + 78);
  const lx = x + 56 + ctx.measureText(t.registrations).width;
  ctx.fillStyle = IDEA;
  ctx.fillRect(lx, y + 56, 26, 26);
  ctx.fillStyle = INK;
  ctx.fillText(t.ideas, lx + 36, y + 78);
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, bottom);
  ctx.lineTo(x + w, bottom);
  ctx.stroke();
  const slot = w / n;
  const barW = Math.max(4, slot * 0.36);
  ctx.textAlign = 'center';
  for (let i = 0; i < n; i++) {
    const cx = x + slot * i + slot / 2;
    const pair: [number, string][] = [[m.registrations[i] ?? 0, REG], [m.ideas[i] ?? 0, IDEA]];
    pair.forEach(([v, colour], k) => {
      const bh = ((bottom - top - 30) * v) / max;
      const bx = cx - barW + k * barW;
      ctx.fillStyle = colour;
      ctx.fillRect(bx, bottom - bh, barW - 2, bh);
      ctx.fillStyle = INK;
      ctx.font = `22px ${FONT}`;
      ctx.fillText(String(v), bx + barW / 2, bottom - bh - 6);
    });
    ctx.font = `24px ${FONT}`;
    ctx.fillText(String(n - 1 - i), cx, bottom + 30);
  }
  ctx.textAlign = 'left';
  ctx.font = `22px ${FONT}`;
  ctx.fillText(fit(ctx, t.weeksAgo, w), x, bottom + 58);
}

function drawCategories(ctx: SKRSContext2D, m: Model, t: DigestTexts, x: number, y: number, w: number, h: number): void {
  ctx.fillStyle = INK;
  ctx.font = `bold 34px ${FONT}`;
  ctx.fillText(fit(ctx, t.byCategory, w), x, y + 34);
  const rows = m.categories.slice(0, 8);
  if (rows.length === 0) return;
  const labelW = w * 0.34;
  const barMax = w - labelW - 90;
  const rowH = Math.min(56, (h - 60) / rows.length);
  const max = Math.max(1, ...rows.map((r) => r.value));
  ctx.font = `${Math.round(Math.min(28, rowH * 0.55))}px ${FONT}`;
  rows.forEach((r, i) => {
    const ry = y + 60 + i * rowH;
    ctx.fillStyle = INK;
    ctx.textAlign = 'right';
    ctx.fillText(fit(ctx, r.label, labelW - 12), x + labelW - 12, ry + rowH * 0.62);
    ctx.textAlign = 'left';
    const bw = (barMax * r.value) / max;
    ctx.fillStyle = BAR;
    ctx.fillRect(x + labelW, ry + rowH * 0.15, bw, rowH * 0.7);
    ctx.fillStyle = INK;
    ctx.fillText(String(r.value), x + labelW + bw + 10, ry + rowH * 0.62);
  });
}

function arrow(delta: number): string {
  return delta > 0 ? `↑ +${delta}` : delta < 0 ? `↓ ${delta}` : '= 0';
}

/** The figures as plain text: the screen-reader alternative to the chart. */
function digestText(m: Model, p: Flat, t: DigestTexts): string {
  const trend = (label: string, key: string): string =>
    `${label}: ${num(p, `${key}.thisWeek`)} (${t.lastWeek} ${num(p, `${key}.lastWeek`)}, ${arrow(num(p, `${key}.thisWeek`) - num(p, `${key}.lastWeek`))})`;
  const lines = [
    `${m.title} — ${m.date}`,
    `${t.registered}: ${num(p, 'registered')} / ${num(p, 'population')} (${num(p, 'registeredPercent')} %)`,
    trend(t.newRegistrations, 'newRegistrations'),
    trend(t.newIdeas, 'newIdeas'),
    `${t.backlog}: ${num(p, 'backlog')}`,
    `${t.voters}: ${num(p, 'voters')} — ${t.turnout}: ${num(p, 'turnoutPercent')} %`,
  ];
  if (typeof p.assistedBallots === 'number') lines.push(`${t.assistedBallots}: ${num(p, 'assistedBallots')}`);
  if (typeof p.phase === 'string') lines.push(`${t.phase}: ${p.phase}`);
  if (typeof p.daysLeft === 'number') lines.push(`${t.daysLeft}: ${p.daysLeft}`);
  lines.push('', `${t.byCategory}:`, ...m.categories.map((c) => `• ${c.label}: ${c.value}`));
  lines.push('', `${t.overTime} (${t.weeksAgo}):`);
  const n = Math.max(m.registrations.length, m.ideas.length);
  for (let i = 0; i < n; i++) {
    lines.push(`• ${n - 1 - i}: ${t.registrations} ${m.registrations[i] ?? 0}, ${t.ideas} ${m.ideas[i] ?? 0}`);
  }
  lines.push(t.noBallotTimes);
  return lines.join('\n');
}

function caption(text: string): string {
  return text.length <= CAPTION_LIMIT ? text : `${text.slice(0, CAPTION_LIMIT - 1)}…`;
}

/** Renders the digest chart and its text alternative. */
export async function renderDigest(input: DigestInput): Promise<Digest> {
  const p: Flat = flattenParams(input.figures);
  const t = digestTexts(input.locale);
  const m = model(input, p, t);
  const canvas = createCanvas(DIGEST_WIDTH, DIGEST_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, DIGEST_WIDTH, DIGEST_HEIGHT);
  ctx.fillStyle = INK;
  ctx.font = `bold 44px ${FONT}`;
  ctx.fillText(fit(ctx, m.title, DIGEST_WIDTH - 80), 40, 64);
  ctx.font = `28px ${FONT}`;
  ctx.fillText(m.date, 40, 106);
  drawWeeks(ctx, m, t, 40, 130, DIGEST_WIDTH - 80, 390);
  drawCategories(ctx, m, t, 40, 540, DIGEST_WIDTH - 80, 350);
  const png = await canvas.encode('png');
  const text = digestText(m, p, t);
  return { png, width: DIGEST_WIDTH, height: DIGEST_HEIGHT, text, caption: caption(text) };
}
