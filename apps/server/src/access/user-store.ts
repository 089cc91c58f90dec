// People who sign in: created by an admin (or the first-start setup), never deleted — disabled, so the audit
// trail keeps meaning something. At least one enabled admin always remains.
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { RoleSchema, type Role } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { users } from '../db/schema-access.ts';
import type { Clock } from '../clock.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { audited, type Audit, type Changed } from '../domain/event-log.ts';
import { hashPassword, PasswordSchema } from './passwords.ts';

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'an email address has at most 254 characters')
  .regex(/^[^\s@]+@[^\s@]+$/, 'an email address looks like name@example.com');
export const UserNameSchema = z.string().trim().min(1, 'a name is required').max(100, 'a name has at most 100 characters');

/** The queue agent an `agent` user is (an id from /api/agents). */
const LinkedAgentSchema = z.string().trim().min(1).max(100);

export const NewUserSchema = z.strictObject({ email: EmailSchema, name: UserNameSchema, role: RoleSchema, password: PasswordSchema, agentId: LinkedAgentSchema.optional() });
export type NewUser = z.infer<typeof NewUserSchema>;

export const UserChangeSchema = z.strictObject({
  name: UserNameSchema.optional(),
  role: RoleSchema.optional(),
  password: PasswordSchema.optional(),
  disabled: z.boolean().optional(),
  agentId: LinkedAgentSchema.nullable().optional(),
});
export type UserChange = z.infer<typeof UserChangeSchema>;

export const UserViewSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  agentId: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserView = z.infer<typeof UserViewSchema>;

export type UserRow = typeof users.$inferSelect;

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

export function viewOf(row: UserRow): UserView {
  return { id: row.id, email: row.email, name: row.name, role: row.role as Role, agentId: row.agentId, disabled: row.disabled, createdAt: new Date(row.createdAt).toISOString(), lastSignInAt: iso(row.lastSignInAt) };
}

export class UserStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async count(db: Db = this.db): Promise<number> {
    const [row] = await db.select({ total: count() }).from(users);
    return row?.total ?? 0;
  }

  async list(): Promise<UserView[]> {
    return (await this.db.select().from(users).orderBy(asc(users.email))).map(viewOf);
  }

  async byId(id: number, db: Db = this.db): Promise<UserRow | undefined> {
    return (await db.select().from(users).where(eq(users.id, id)))[0];
  }

  async byEmail(email: string, db: Db = this.db): Promise<UserRow | undefined> {
    return (await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())))[0];
  }

  /** Adds a user (the password is hashed before the transaction, which it would hold up). */
  async create(input: NewUser, actor: string | null, audit?: Audit<UserView>): Promise<UserView> {
    const passwordHash = await hashPassword(input.password);
    return audited(this.db, audit, async (tx) => {
      if (await this.byEmail(input.email, tx)) throw new ApiError(409, 'conflict', `a user with the email ${input.email} already exists`, [{ field: 'email', message: 'already taken' }]);
      const now = this.clock.now();
      const [row] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, agentId: input.agentId ?? null, passwordHash, createdAt: now, createdBy: actor, updatedAt: now })
        .returning();
      return viewOf(row!);
    });
  }

  /** Applies a change; refuses one that would leave no enabled admin. Password changes and disabling end sessions. */
  async update(id: number, change: UserChange, audit?: Audit<Changed<UserView>>): Promise<Changed<UserView>> {
    const passwordHash = change.password !== undefined ? await hashPassword(change.password) : undefined;
    return audited(this.db, audit, async (tx) => {
      const current = await this.byId(id, tx);
      if (!current) throw notFound(`user ${id}`);
      const losesAdmin = current.role === 'admin' && !current.disabled && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
      if (losesAdmin && (await this.otherEnabledAdmins(id, tx)) === 0) {
        throw new ApiError(409, 'last_admin', `${current.email} is the last enabled admin: make someone else an admin first`, [{ field: change.disabled ? 'disabled' : 'role', message: 'would leave no admin' }]);
      }
      const endsSessions =
        change.password !== undefined || change.disabled === true || (change.role !== undefined && change.role !== current.role) || (change.agentId !== undefined && change.agentId !== current.agentId);
      const [row] = await tx
        .update(users)
        .set({
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.role !== undefined ? { role: change.role } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
          ...(change.agentId !== undefined ? { agentId: change.agentId } : {}),
          ...(passwordHash !== undefined ? { passwordHash } : {}),
          ...(endsSessions ? { credentialsVersion: sql`${users.credentialsVersion} + 1` } : {}),
          updatedAt: this.clock.now(),
        })
        .where(eq(users.id, id))
        .returning();
      return { before: viewOf(current), after: viewOf(row!) };
    });
  }

  async recordSignIn(id: number): Promise<void> {
    await this.db.update(users).set({ lastSignInAt: this.clock.now() }).where(eq(users.id, id));
  }

  private async otherEnabledAdmins(id: number, db: Db): Promise<number> {
    const [row] = await db
      .select({ total: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, id)));
    return row?.total ?? 0;
  }
}
