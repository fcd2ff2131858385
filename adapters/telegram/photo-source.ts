/**
 * A resident's photo fetched from Telegram by its file id, for the committee's moderation
 * card: `getFile` gives a path, the bytes come from `<apiRoot>/file/bot<token>/<path>`. That
 * URL holds the bot token, so it stays inside this function: it is never returned, logged or
 * put in an error message, and the Slack side only ever sees the bytes.
 */
import type { Api } from 'grammy';

/** Largest photo fetched (Telegram serves bot files up to 20 MB; a card needs far less). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** Options of {@link telegramPhotoSource}. */
export interface TelegramPhotoSourceOptions {
  readonly api: Api;
  readonly token: string;
  /** TELEGRAM_API_ROOT, without a trailing slash. */
  readonly apiRoot: string;
  readonly fetch?: typeof fetch;
  /** Per-request timeout, ms (default 15 s). */
  readonly timeoutMs?: number;
}

/** Fetches a photo's bytes, or null when Telegram no longer has it or it is too large. */
export function telegramPhotoSource(options: TelegramPhotoSourceOptions): (fileId: string) => Promise<{ readonly bytes: Buffer; readonly filename: string } | null> {
  const get = options.fetch ?? fetch;
  const root = options.apiRoot.replace(/\/+$/, '');
  return async (fileId) => {
    let path: string | undefined;
    try {
      const file = await options.api.getFile(fileId);
      if (file.file_size !== undefined && file.file_size > PHOTO_MAX_BYTES) return null;
      path = file.file_path;
    } catch {
      return null;
    }
    if (path === undefined || !/^[A-Za-z0-9_./-]+$/.test(path) || path.includes('..')) return null;
    let res: Response;
    try {
      res = await get(`${root}/file/bot${options.token}/${path}`, { signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    } catch {
      return null;
    }
    if (!res.ok || res.body === null) return null;
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > PHOTO_MAX_BYTES) {
      await res.body.cancel();
      return null;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > PHOTO_MAX_BYTES) return null;
      chunks.push(Buffer.from(chunk));
    }
    const name = path.split('/').pop() ?? 'photo.jpg';
    return { bytes: Buffer.concat(chunks), filename: /\.(jpe?g|png|webp)$/i.test(name) ? name : `${name}.jpg` };
  };
}
