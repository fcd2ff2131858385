/**
 * The committee's App Home (SPEC §2.6): published for a user each time they open the Home tab
 * (`app_home_opened`), and again after each of its buttons — refresh, paging, and in the
 * review phase the finalist toggle.
 *
 * Events reach features for anyone (the staff guard only stops commands, buttons and forms),
 * so the event handler checks `context.staff` itself: anyone else gets a Home that says what
 * the app is and shows nothing of the campaign's work.
 *
 * A refused toggle is shown at the top of the re-published Home rather than in a DM: the
 * person is looking at the Home when they click, while a DM lands in the app's Messages tab
 * where it goes unseen; and the Home has to be published again anyway, to show the board as
 * it now stands (a refusal usually means a colleague toggled the same idea first). The notice
 * lives for that one publication only.
 */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { StaffMember } from '../../../core/campaign/campaign.ts';
import type { SlackFeature, SlackServices, StaffContext } from '../context.ts';
import { slackRefusal } from '../format.ts';
import type { HomePages, HomeView } from '../blocks/home.ts';
import {
  FIRST_PAGES,
  HOME_ACTIONS,
  HOME_FINALIST_PATTERN,
  HOME_PAGE_PATTERN,
  parseHomeMetadata,
  parseIdeaValue,
  parsePageValue,
  queuePage,
  renderOutsiderHome,
  renderStaffHome,
} from '../blocks/home.ts';

/** The view argument of `views.publish` (Block Kit's typed blocks; the renderers build plain objects the stand-in checks against the schema). */
type PublishedView = Parameters<WebClient['views']['publish']>[0]['view'];

/** Card permalinks kept per app: a message's permalink never changes, and a Home shows up to 20 cards. */
const PERMALINK_CACHE_MAX = 5000;

function errorFields(e: unknown): { name: string; message: string } {
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, message: err.message };
}

/** Builds and publishes Homes for one app. */
function homePublisher(services: SlackServices) {
  const { engine, stores, client, logger } = services;
  const log = logger.child({ feature: 'home' });
  const permalinks = new Map<string, string>();

  /** Permalinks of the cards of `ideaIds` that have one in Slack; a card that cannot be linked shows its number alone. */
  async function cardLinks(ideaIds: readonly string[]): Promise<Map<string, string>> {
    const links = new Map<string, string>();
    await Promise.all(
      ideaIds.map(async (id) => {
        const ref = await stores.messageRefs.get(`card:${id}`);
        if (ref === null || ref.platform !== 'slack') return;
        const key = `${ref.chat}:${ref.messageId}`;
        let link = permalinks.get(key);
        if (link === undefined) {
          try {
            const answer = await client.chat.getPermalink({ channel: ref.chat, message_ts: ref.messageId });
            if (typeof answer.permalink !== 'string') return;
            link = answer.permalink;
          } catch (e) {
            log.warn({ err: errorFields(e) }, 'no permalink for a card; the Home shows its number alone');
            return;
          }
          if (permalinks.size >= PERMALINK_CACHE_MAX) permalinks.clear();
          permalinks.set(key, link);
        }
        links.set(id, link);
      }),
    );
    return links;
  }

  /** The Home of a staff member at `pages`, with `notice` on top; null when the engine refused to read (then logged). */
  async function staffHome(staff: StaffMember, pages: HomePages, notice: string | null): Promise<HomeView | null> {
    const user = staff.slackUserId;
    const [{ status, state }, figures, queue] = await Promise.all([engine.status(), engine.committeeFigures(), engine.moderationQueue(user)]);
    if (!queue.ok) {
      log.warn({ code: queue.code }, 'the engine refused the moderation queue to a staff member');
      return null;
    }
    // The finalist selection belongs to the review phase (its toggle is refused elsewhen).
    const inReview = status.kind !== 'between' && status.phase === 'review';
    const board = inReview ? await engine.finalistBoard(user) : null;
    if (board !== null && !board.ok) {
      log.warn({ code: board.code }, 'the engine refused the finalist board to a staff member');
      return null;
    }
    const shown = queuePage(queue.value, pages);
    const links = await cardLinks(shown.items.map((c) => c.idea.id));
    return renderStaffHome(services, {
      status,
      phaseState: state,
      figures,
      queue: queue.value,
      board: board === null ? null : board.value,
      pages,
      cardLinks: links,
      notice,
      now: engine.now(),
    });
  }

  /** Publishes the Home of `user` (staff: the campaign's work; anyone else: the notice). Never throws. */
  return async function publish(user: string, staff: StaffMember | undefined, pages: HomePages = FIRST_PAGES, notice: string | null = null): Promise<void> {
    try {
      const view = staff === undefined ? renderOutsiderHome(services) : await staffHome(staff, pages, notice);
      if (view === null) return;
      await client.views.publish({ user_id: user, view: view as unknown as PublishedView });
    } catch (e) {
      log.error({ err: errorFields(e) }, 'could not publish the App Home');
    }
  };
}

function actionOf(body: BlockAction): ButtonAction | null {
  const action = body.actions[0];
  return action !== undefined && action.type === 'button' ? action : null;
}

/** The App Home feature (see the module comment). */
export const homeFeature: SlackFeature = (app, services) => {
  const { engine, t, format } = services;
  const publish = homePublisher(services);

  app.event('app_home_opened', async ({ event, context }) => {
    // The Messages tab opens the same event; only the Home tab shows a Home.
    if (event.tab !== 'home') return;
    const staff = (context as StaffContext).staff;
    // Back on the tab, the person finds the pages they left (the published view's metadata).
    await publish(event.user, staff, parseHomeMetadata(event.view?.private_metadata));
  });

  app.action<BlockAction>(HOME_ACTIONS.refresh, async ({ ack, body, context }) => {
    await ack();
    await publish(body.user.id, (context as StaffContext).staff, parseHomeMetadata(body.view?.private_metadata));
  });

  app.action<BlockAction>(HOME_PAGE_PATTERN, async ({ ack, body, context }) => {
    await ack();
    const action = actionOf(body);
    const current = parseHomeMetadata(body.view?.private_metadata);
    const page = parsePageValue(action?.value);
    const staff = (context as StaffContext).staff;
    if (action === null || page === null) {
      // A value this app never rendered: nothing moves, and the person is told on the Home.
      await publish(body.user.id, staff, current, t('home-bad-page'));
      return;
    }
    const list = HOME_PAGE_PATTERN.exec(action.action_id)?.[1];
    await publish(body.user.id, staff, list === 'queue' ? { ...current, queue: page } : { ...current, board: page });
  });

  app.action<BlockAction>(HOME_FINALIST_PATTERN, async ({ ack, body, context }) => {
    await ack();
    const action = actionOf(body);
    const staff = (context as StaffContext).staff;
    const pages = parseHomeMetadata(body.view?.private_metadata);
    const ideaId = parseIdeaValue(action?.value);
    if (action === null || ideaId === null || staff === undefined) {
      await publish(body.user.id, staff, pages, t('home-bad-button'));
      return;
    }
    const select = HOME_FINALIST_PATTERN.exec(action.action_id)?.[1] === 'select';
    const outcome = await engine.selectFinalist(staff.slackUserId, ideaId, select);
    await publish(body.user.id, staff, pages, outcome.ok ? null : slackRefusal(t, format, outcome));
  });
};
