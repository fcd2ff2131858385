import { describe, expect, it } from 'vitest';
import { undeliverable } from '../../bot/commands/start.ts';
import { testCampaign } from '../support/test-campaign.ts';

const campaign = {
  ...testCampaign(),
  digestRecipients: [
    { channel: 'telegram' as const, chatId: -1001, name: 'Mayor’s office' },
    { channel: 'slack' as const, userId: 'U0MAYOR', name: 'Mayor' },
    { channel: 'slack' as const, userId: 'U0ALDER', name: 'Alderman' },
  ],
};

describe('the start warning of what cannot be delivered', () => {
  it('names the digest recipients on a messenger whose token is missing', () => {
    expect(undeliverable(campaign, { telegramBotToken: '1:TEST', slackBotToken: undefined })).toEqual([
      "the mayor's digest to 2 Slack user(s) waits in the outbox until SLACK_BOT_TOKEN is set",
    ]);
    const noTelegram = undeliverable(campaign, { telegramBotToken: undefined, slackBotToken: 'xoxb-TEST' });
    expect(noTelegram).toHaveLength(2);
    expect(noTelegram[0]).toMatch(/^without TELEGRAM_BOT_TOKEN no resident message is sent/);
    expect(noTelegram[1]).toBe("the mayor's digest to 1 Telegram chat(s) waits in the outbox until TELEGRAM_BOT_TOKEN is set");
  });

  it('says nothing when both messengers are set', () => {
    expect(undeliverable(campaign, { telegramBotToken: '1:TEST', slackBotToken: 'xoxb-TEST' })).toEqual([]);
  });
});
