// Editor sessions: a random id in an HttpOnly cookie, kept server-side as its digest with a CSRF token. A session
// ends on sign-out, after 12 idle hours, after 7 days, or when the user's password, role or status changes.
import { eq, lt, or } from 'drizzle-orm';
import type { Role } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { sessions, users } from '../db/schema-access.ts';
import type { Clock } from '../clock.ts';
import { digestOf, newSecret } from './secrets.ts';
import type { Principal } from './principal.ts';
import type { UserRow } from './user-store.ts';

export const SESSION_COOKIE = 'mentionflow_session';
export const SESSION_LIFETIME_MS = 7 * 24 * 3_600_000;
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** People share one budget per user; generous, it only stops runaway scripts. */
export const USER_RATE_LIMIT_PER_MINUTE = 6_000;
const TOUCH_EVERY_MS = 5 * 60_000;

export interface StartedSession {
  readonly secret: string;
  readonly csrfToken: string;
  readonly expiresAt: number;
}

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async start(user: UserRow): Promise<StartedSession> {
    const now = this.clock.now();
    const secret = newSecret();
    const csrfToken = newSecret();
    const expiresAt = now + SESSION_LIFETIME_MS;
    await this.db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, now - SESSION_IDLE_MS)));
    await this.db.insert(sessions).values({ digest: digestOf(secret), userId: user.id, credentialsVersion: user.credentialsVersion, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
    return { secret, csrfToken, expiresAt };
  }

  async principalFor(secret: string): Promise<Principal | undefined> {
    const digest = digestOf(secret);
    const [row] = await this.db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.digest, digest));
    if (!row) return undefined;
    const now = this.clock.now();
    const { session, user } = row;
    if (user.disabled || user.credentialsVersion !== session.credentialsVersion || session.expiresAt <= now || session.lastSeenAt <= now - SESSION_IDLE_MS) {
      await this.db.delete(sessions).where(eq(sessions.digest, digest));
      return undefined;
    }
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) await this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.digest, digest));
    return { kind: 'user', id: user.id, role: user.role as Role, actor: user.email, name: user.name, rateLimitPerMinute: USER_RATE_LIMIT_PER_MINUTE, csrfToken: session.csrfToken, agentId: user.agentId ?? undefined };
  }

  async end(secret: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.digest, digestOf(secret)));
  }
}
