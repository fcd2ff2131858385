/**
 * Contract of `MessageReferences` (core/ports/message-references.ts), run unchanged by every
 * backend. Invariant checked throughout: `get(k)` and `findByMessage(of get(k))` agree, and a
 * platform message resolves to one key at most.
 */
import { describe, expect, it } from 'vitest';
import type { MakeStores } from './stores-fixture.ts';
import { fixtures, messageRef, range } from './contract-helpers.ts';

export function describeMessageReferencesContract(label: string, make: MakeStores): void {
  describe(`MessageReferences contract [${label}]`, () => {
    const open = fixtures(make);

    it('starts empty', async () => {
      const { stores } = await open();
      expect(await stores.messageRefs.get('card:i1')).toBeNull();
      expect(await stores.messageRefs.findByMessage('slack', 'C1', '1.0')).toBeNull();
      expect(await stores.messageRefs.eraseOwner('tg:1')).toBe(0);
    });

    it('puts a reference readable by key and by platform message (exact match on all three parts), from another handle too', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const ref = messageRef('builder:tg:1:town', { platform: 'telegram', chat: '4242', messageId: '17', owner: 'tg:1' });
      await stores.messageRefs.put(ref);
      expect(await other.messageRefs.get('builder:tg:1:town')).toEqual(ref);
      expect(await other.messageRefs.findByMessage('telegram', '4242', '17')).toEqual(ref);
      expect(await other.messageRefs.findByMessage('slack', '4242', '17')).toBeNull();
      expect(await other.messageRefs.findByMessage('telegram', '424', '217')).toBeNull();
      expect(await other.messageRefs.findByMessage('telegram', '4242', '1')).toBeNull();
    });

    it('a put replaces what its key held: the old message no longer resolves', async () => {
      const { stores } = await open();
      await stores.messageRefs.put(messageRef('thread:q1', { messageId: '1.1' }));
      const moved = messageRef('thread:q1', { messageId: '2.2', at: 99 });
      await stores.messageRefs.put(moved);
      expect(await stores.messageRefs.get('thread:q1')).toEqual(moved);
      expect(await stores.messageRefs.findByMessage('slack', 'C-COMMITTEE', '1.1')).toBeNull();
      expect(await stores.messageRefs.findByMessage('slack', 'C-COMMITTEE', '2.2')).toEqual(moved);
    });

    it('a put naming a message another key holds takes it over (that key is removed)', async () => {
      const { stores } = await open();
      await stores.messageRefs.put(messageRef('card:i1', { messageId: '5.5' }));
      const taken = messageRef('card:i2', { messageId: '5.5' });
      await stores.messageRefs.put(taken);
      expect(await stores.messageRefs.get('card:i1')).toBeNull();
      expect(await stores.messageRefs.findByMessage('slack', 'C-COMMITTEE', '5.5')).toEqual(taken);
      await stores.messageRefs.put(taken);
      expect(await stores.messageRefs.get('card:i2')).toEqual(taken);
    });

    it('deletes by key from both lookups; deleting what is not there does nothing', async () => {
      const { stores } = await open();
      await stores.messageRefs.put(messageRef('card:i1'));
      await stores.messageRefs.put(messageRef('card:i2'));
      await stores.messageRefs.delete('card:i1');
      await stores.messageRefs.delete('card:i1');
      await stores.messageRefs.delete('card:none');
      expect(await stores.messageRefs.get('card:i1')).toBeNull();
      expect(await stores.messageRefs.findByMessage('slack', 'C-COMMITTEE', 'ts-card:i1')).toBeNull();
      expect(await stores.messageRefs.get('card:i2')).toEqual(messageRef('card:i2'));
    });

    it('eraseOwner removes exactly that owner’s references, from both lookups', async () => {
      const { stores } = await open();
      await stores.messageRefs.put(messageRef('builder:tg:1:town', { owner: 'tg:1', platform: 'telegram', chat: '1', messageId: '10' }));
      await stores.messageRefs.put(messageRef('builder:tg:1:area', { owner: 'tg:1', platform: 'telegram', chat: '1', messageId: '11' }));
      await stores.messageRefs.put(messageRef('builder:tg:11:town', { owner: 'tg:11', platform: 'telegram', chat: '11', messageId: '10' }));
      await stores.messageRefs.put(messageRef('card:i1'));
      expect(await stores.messageRefs.eraseOwner('tg:1')).toBe(2);
      expect(await stores.messageRefs.get('builder:tg:1:town')).toBeNull();
      expect(await stores.messageRefs.findByMessage('telegram', '1', '11')).toBeNull();
      expect(await stores.messageRefs.get('builder:tg:11:town')).not.toBeNull();
      expect(await stores.messageRefs.get('card:i1')).not.toBeNull();
      expect(await stores.messageRefs.eraseOwner('tg:1')).toBe(0);
    });

    it('a reference moved to another owner is erased with its new owner only', async () => {
      const { stores } = await open();
      await stores.messageRefs.put(messageRef('builder:x', { owner: 'tg:1' }));
      await stores.messageRefs.put(messageRef('builder:x', { owner: 'tg:2' }));
      expect(await stores.messageRefs.eraseOwner('tg:1')).toBe(0);
      expect(await stores.messageRefs.eraseOwner('tg:2')).toBe(1);
      expect(await stores.messageRefs.get('builder:x')).toBeNull();
    });

    it('race: concurrent puts of one message under different keys through two handles leave one key, agreeing both ways', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await Promise.all(range(1, 10).map((i) => (i % 2 ? stores : other).messageRefs.put(messageRef(`card:i${i}`, { messageId: 'same' }))));
      const found = await stores.messageRefs.findByMessage('slack', 'C-COMMITTEE', 'same');
      expect(found).not.toBeNull();
      const held = [];
      for (const i of range(1, 10)) if ((await other.messageRefs.get(`card:i${i}`)) !== null) held.push(`card:i${i}`);
      expect(held).toEqual([found?.key]);
    });
  });
}
