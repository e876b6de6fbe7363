// POST /api/join (issue 21): a new member, with a signature's semantics (action-route.ts), and
// their chapter: the one they chose (one of the feed's chapters), else the one their postal code
// falls in by the map's longest-prefix rule (src/core/postal-match.ts). With join.confirm the
// member waits as pending until they follow the emailed link (confirm/confirmer.ts).
import type { FastifyInstance } from 'fastify';
import { CHAPTER_ID_MAX_LENGTH, type JoinAnswer } from '../../src/core/action-api.js';
import type { Chapter, JoinSettings, Petition } from '../../src/core/feed-types.js';
import { postalMatch } from '../../src/core/postal-match.js';
import { pickTranslation } from '../../src/core/translations.js';
import { actionGuard, actionPreflight, keyedAction, signerOf } from '../action-route.js';
import { confirmLang } from '../confirm/messages.js';
import { ApiError } from '../errors.js';
import { actionKey, type Member } from '../storage/action-types.js';
import { checkSignature, signatureSchema, type SignatureBody } from '../validate.js';
import type { AppContext } from './context.js';
import { cannotConfirm } from './signatures.js';

const ROUTE = '/api/join';

const joinSchema = {
  ...signatureSchema,
  properties: {
    ...signatureSchema.properties,
    chapter: { type: ['string', 'null'], maxLength: CHAPTER_ID_MAX_LENGTH },
  },
} as const;

const answerSchema = {
  type: 'object',
  required: ['chapter', 'pending'],
  properties: { chapter: { type: ['string', 'null'] }, pending: { type: 'boolean' } },
} as const;

type JoinBody = SignatureBody & { chapter?: string | null };

/** What checkSignature needs of the join form: its fields (chapter aside) and its consent. */
const asAction = (j: JoinSettings): Petition => ({
  id: 'join',
  title: j.title ?? '',
  fields: j.fields?.filter((f) => f !== 'chapter'),
  consent: j.consent,
});

/** The member's chapter: the one chosen, else the one covering their postal code; null when none. */
export function chapterFor(body: JoinBody, postal: string | null, country: string | null, chapters: Chapter[]) {
  const chosen = typeof body.chapter === 'string' ? body.chapter.trim() : '';
  if (chosen) {
    if (!chapters.some((c) => c.id === chosen)) {
      throw new ApiError(400, 'invalid_field', `There is no chapter "${chosen}".`, 'chapter');
    }
    return chosen;
  }
  const found = postal ? postalMatch(chapters, postal, country ?? undefined) : [];
  return found.length ? chapters[found[0]].id : null;
}

export async function join(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { feed, store, confirmer } = ctx;
  const actions = store.actions();
  const guard = actionGuard(ctx, 'joins');
  const settings = () => {
    const j = feed.get().feed.join;
    if (!j)
      throw new ApiError(404, 'join_not_found', 'This organization takes no members here (the feed has no join).');
    return j;
  };

  actionPreflight(app, ctx, ROUTE);

  app.post<{ Body: JoinBody }>(
    ROUTE,
    {
      schema: { body: joinSchema, response: { 201: answerSchema } },
      onRequest: guard.onRequest(() => void settings()),
      preValidation: guard.preValidation,
    },
    async (req, reply) => {
      const now = new Date();
      return keyedAction(ctx, actionKey('join'), req, reply, async (idem) => {
        const j = settings();
        const { org, chapters } = feed.get().feed;
        const checked = checkSignature(req.body, asAction(j), org, 'join form');
        const chapter = chapterFor(req.body, checked.fields.postal_code, checked.fields.country, chapters);
        if (chapter === null && j.fields?.includes('chapter')) {
          const message = 'chapter is required: choose one (no chapter covers this postal code).';
          throw new ApiError(400, 'invalid_field', message, 'chapter');
        }
        if (j.confirm && !confirmer) throw cannotConfirm();
        // After the body checks, so a mistyped form does not spend the reader's solved challenge.
        const challenge = await guard.challenge(req, req.body.altcha);
        const lang = confirmLang(req.body.lang);
        const signer = signerOf(checked, req);
        const status = j.confirm ? 'pending' : 'member';
        const member: Member | null = signer && {
          ...signer,
          chapter,
          status,
          lang,
          joined_at: now.toISOString(),
          confirmed_at: null,
        };
        const title = pickTranslation(j.title, lang) || pickTranslation(org?.name, lang);
        const confirm = j.confirm && member ? confirmer!.memberConfirmation(member.email, lang, title, now) : undefined;
        let written = false;
        const answer = (m: Member | null) =>
          JSON.stringify({
            chapter: m ? m.chapter : chapter,
            pending: m ? m.status === 'pending' : !!j.confirm,
          } satisfies JoinAnswer);
        const stored = await actions.join({
          member,
          idem: idem && { ...idem, response: null },
          now,
          // A confirming join's member.joined waits for the confirmation (confirmer.ts).
          events: (m) => {
            const out = m.status === 'member' ? ctx.outbox.actions.memberJoined(m, now) : [];
            written = out.length > 0;
            return out;
          },
          challenge,
          confirm,
          answer,
        });
        if (written) ctx.outbox.kick();
        if (confirm) confirmer!.mailQueued();
        return answer(stored);
      });
    },
  );
}
