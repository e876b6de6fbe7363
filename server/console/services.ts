// The console's services, built once per app over the signatures' database.
import type { SignatureStore } from '../storage/types.js';
import { AuditLog } from './audit.js';
import { CampaignStats } from './campaign-stats.js';
import { FeedDrafts } from './feed-drafts.js';
import { Organizers } from './organizers.js';
import { Sessions } from './sessions.js';
import { SignInLimits } from './sign-in-limits.js';

export interface ConsoleServices {
  organizers: Organizers;
  sessions: Sessions;
  limits: SignInLimits;
  audit: AuditLog;
  stats: CampaignStats;
  drafts: FeedDrafts;
}

export function consoleServices(store: SignatureStore): ConsoleServices {
  const sql = store.sql();
  return {
    organizers: new Organizers(sql),
    sessions: new Sessions(sql),
    limits: new SignInLimits(sql),
    audit: new AuditLog(sql),
    stats: new CampaignStats(sql),
    drafts: new FeedDrafts(),
  };
}
