/** A resident's photo fetched for the committee: bytes through getFile, nothing when it is gone or too large. */
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from 'grammy';
import { PHOTO_MAX_BYTES, telegramPhotoSource } from '../../adapters/telegram/photo-source.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';
import { BOT_TOKEN } from '../support/telegram/bot-harness.ts';

let api: TelegramStandIn | null = null;
afterEach(async () => {
  await api?.stop();
  api = null;
});

describe('telegramPhotoSource', () => {
  it('returns the bytes of a photo the resident sent', async () => {
    api = await TelegramStandIn.start({ token: BOT_TOKEN });
    const bytes = Buffer.from('\x89PNG fake image bytes of a bench in the park');
    const { file_id } = api.addFile(bytes, 'jpg');
    const source = telegramPhotoSource({ api: new Api(BOT_TOKEN, { apiRoot: api.apiRoot }), token: BOT_TOKEN, apiRoot: api.apiRoot });
    const photo = await source(file_id);
    expect(photo?.bytes.equals(bytes)).toBe(true);
    expect(photo?.filename).toMatch(/\.jpg$/);
    expect(photo?.filename).not.toContain(BOT_TOKEN);
  });

  it('returns null for an unknown file id, and for a file over the limit', async () => {
    api = await TelegramStandIn.start({ token: BOT_TOKEN });
    const source = telegramPhotoSource({ api: new Api(BOT_TOKEN, { apiRoot: api.apiRoot }), token: BOT_TOKEN, apiRoot: api.apiRoot });
    expect(await source('AgACunknown')).toBeNull();
    const { file_id } = api.addFile(Buffer.alloc(PHOTO_MAX_BYTES + 1), 'jpg');
    expect(await source(file_id)).toBeNull();
  });
});
