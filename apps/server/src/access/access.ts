// Access to Mentionflow: people and tokens, sign-in with its throttle, request budgets, and the first admin.
import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { setupLinks } from '../db/schema-access.ts';
import { eq } from 'drizzle-orm';
import { UserStore, type NewUser, type UserRow, type UserView } from './user-store.ts';
import { audited, type Audit } from '../domain/event-log.ts';
import { ApiError } from '../http/api-error.ts';
import { SessionStore } from './session-store.ts';
import { TokenStore } from './token-store.ts';
import { RateLimiter, SignInThrottle, SIGN_IN_FAILURES_ALLOWED } from './rate-limits.ts';
import { verifyDecoy, verifyPassword } from './passwords.ts';
import { digestOf, newSecret } from './secrets.ts';

export const SETUP_LINK_LIFETIME_MS = 24 * 3_600_000;
const SIGN_INS_PER_ADDRESS = 20;

export type SignInOutcome = { ok: true; user: UserRow } | { ok: false; reason: 'invalid_credentials' } | { ok: false; reason: 'too_many_attempts'; retryAfterSeconds: number };

/** How the first admin comes to be: from the environment, or through a one-time link. */
export type FirstAdmin = { kind: 'exists' } | { kind: 'created'; email: string } | { kind: 'setup_link'; token: string; expiresAt: number };

export class Access {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: TokenStore;
  readonly limiter: RateLimiter;
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    logger: Logger,
  ) {
    this.users = new UserStore(db, clock);
    this.sessions = new SessionStore(db, clock);
    this.tokens = new TokenStore(db, clock, logger);
    this.limiter = new RateLimiter(clock);
    this.throttle = new SignInThrottle(clock);
  }

  async signIn(email: string, password: string, address: string | undefined): Promise<SignInOutcome> {
    const emailKey = `email:${email.trim().toLowerCase()}`;
    const keys = [{ key: emailKey, allowed: SIGN_IN_FAILURES_ALLOWED }, ...(address ? [{ key: `address:${address}`, allowed: SIGN_INS_PER_ADDRESS }] : [])];
    const wait = this.throttle.waitFor(keys);
    if (wait > 0) return { ok: false, reason: 'too_many_attempts', retryAfterSeconds: wait };
    const user = await this.users.byEmail(email);
    const valid = user && !user.disabled ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
    if (!valid || !user) {
      this.throttle.failed(keys.map((entry) => entry.key));
      return { ok: false, reason: 'invalid_credentials' };
    }
    this.throttle.succeeded(emailKey);
    await this.users.recordSignIn(user.id);
    return { ok: true, user };
  }

  /**
   * On start: nothing to do once anyone exists; else create the admin named by the environment, or issue a one-time
   * setup link (replacing earlier ones) that the operator opens to create the first admin.
   */
  async ensureFirstAdmin(env: { email?: string | undefined; password?: string | undefined; name?: string | undefined }): Promise<FirstAdmin> {
    if ((await this.users.count()) > 0) return { kind: 'exists' };
    if (env.email && env.password) {
      const user = await this.users.create({ email: env.email.trim().toLowerCase(), name: env.name?.trim() || 'Admin', role: 'admin', password: env.password }, 'first-start');
      return { kind: 'created', email: user.email };
    }
    const token = newSecret();
    const now = this.clock.now();
    await this.db.delete(setupLinks);
    await this.db.insert(setupLinks).values({ digest: digestOf(token), createdAt: now, expiresAt: now + SETUP_LINK_LIFETIME_MS });
    return { kind: 'setup_link', token, expiresAt: now + SETUP_LINK_LIFETIME_MS };
  }

  async setupNeeded(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  /**
   * Creates the first admin with a setup link, in one transaction: nobody exists yet (409 otherwise), the link is
   * spent (403 for one unknown, used or expired), the admin is added and `audit` written.
   */
  async setUp(token: string, admin: Omit<NewUser, 'role'>, audit?: Audit<UserView>): Promise<UserView> {
    return audited(this.db, audit, async (tx) => {
      const users = new UserStore(tx, this.clock);
      if ((await users.count()) > 0) throw new ApiError(409, 'conflict', 'Mentionflow is already set up: sign in instead');
      const [link] = await tx.delete(setupLinks).where(eq(setupLinks.digest, digestOf(token))).returning();
      if (!link || link.expiresAt <= this.clock.now()) throw new ApiError(403, 'invalid_setup_token', 'this setup link is unknown, used or expired; restart the server for a new one');
      return users.create({ ...admin, role: 'admin' }, 'setup-link');
    });
  }
}
