import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { StoreUnavailableError } from '../../errors/webhook-errors';
import { HOOKGATE_CONNECTION } from '../connection';
import { GroupCommit } from './group-commit';
import { InboxInsert } from './inbox-insert';
import type { ClaimedRun, DeliveryRecord } from '../model';
import {
  type ArrivalDispatch,
  type InboxRow,
  type ReplyArrival,
  arrivalPlan,
  leasedRuns,
  replyClaim,
} from './arrival-plan';
import { newId } from '../ids';
import { headersWithoutNul, withoutNul } from '../nul-text';
import { StoreEntitiesRef } from '../store-entities.ref';
import { StoreEvents, type DeliveryStoredEvent } from '../store-events';
import { StoreWriteLock } from '../write-lock';

/** What the pipeline hands the inbox for one accepted request. */
export interface NewDelivery {
  provider: string;
  endpoint: string;
  type: string;
  providerDeliveryId?: string;
  occurredAt?: Date;
  receivedAt: Date;
  contentType?: string;
  headers: Record<string, string>;
  rawBody: Buffer;
  /** A reply run to store with it, leased to the caller (see ReplyArrival). */
  reply?: ReplyArrival;
}

export interface StoredDelivery {
  /** The gateway id: this delivery's, or the original's when it is a duplicate. */
  id: string;
  duplicate: boolean;
  /** The reply run stored with it, the caller's to run; none for a duplicate. */
  reply?: ClaimedRun;
}

/** Upper bound on rows per transaction (keeps statements under every engine's parameter cap). */
export const MAX_BATCH = 200;

/**
 * The durable inbox. Deliveries are inserted with group commit (see GroupCommit): one
 * transaction and one multi-row INSERT per batch, each request answered after its batch
 * committed.
 */
@Injectable()
export class InboxWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Inbox');
  private readonly commits: GroupCommit<InboxRow, StoredDelivery>;
  private lastFailureAt: Date | null = null;
  private dispatch: ArrivalDispatch | null = null;

  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
    private readonly lock: StoreWriteLock,
    private readonly events: StoreEvents,
    private readonly inbox: InboxInsert,
  ) {
    this.commits = new GroupCommit((rows) => this.commit(rows), MAX_BATCH, inbox.commitsInFlight);
  }

  /**
   * Called by a process that runs the worker: from now on each delivery is stored with its
   * runs, leased to that worker when it has room, and handed over after the commit (see
   * ArrivalDispatch).
   */
  dispatchOnArrival(dispatch: ArrivalDispatch): void {
    this.dispatch = dispatch;
  }

  async store(delivery: NewDelivery): Promise<StoredDelivery> {
    const type = withoutNul(delivery.type).slice(0, 200);
    const row: InboxRow = {
      id: newId(),
      provider: delivery.provider,
      endpoint: delivery.endpoint,
      type,
      providerDeliveryId:
        (delivery.providerDeliveryId && withoutNul(delivery.providerDeliveryId).slice(0, 200)) ||
        null,
      occurredAt: delivery.occurredAt ?? null,
      receivedAt: delivery.receivedAt,
      contentType: delivery.contentType ? withoutNul(delivery.contentType).slice(0, 200) : null,
      headers: headersWithoutNul(delivery.headers),
      rawBody: delivery.rawBody,
      ...arrivalPlan(
        { provider: delivery.provider, endpoint: delivery.endpoint, type },
        this.dispatch,
        delivery.reply,
      ),
    };
    let stored: StoredDelivery;
    try {
      stored = await this.commits.submit(row);
    } catch {
      throw new StoreUnavailableError();
    }
    return row.reply && !stored.duplicate ? { ...stored, reply: replyClaim(row) } : stored;
  }

  /**
   * Requests already verified get their commit before the store closes; then the insert
   * releases what it keeps open on the connection.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
    await this.inbox.close();
  }

  /** Resolves when every delivery submitted so far has been committed or refused. */
  flush(): Promise<void> {
    return this.commits.flush();
  }

  /**
   * When the last commit failed, if it failed and nothing committed since: readiness reports
   * the store as refusing writes even while it still answers reads (a full disk).
   */
  lastCommitFailure(): Date | null {
    return this.lastFailureAt;
  }

  private async commit(batch: InboxRow[]): Promise<StoredDelivery[]> {
    // Settled once the insert committed, whatever fails after it.
    let settled = false;
    const settle = (inserted: ReadonlySet<string>) => {
      settled = true;
      this.settleArrivals(batch, inserted);
    };
    try {
      const results = await this.lock.runShared(() => this.timedInsert(batch, settle));
      this.lastFailureAt = null;
      return results;
    } catch (error) {
      if (!settled) this.settleArrivals(batch, new Set());
      this.lastFailureAt = new Date();
      this.logger.error(`Could not commit ${batch.length} deliveries: ${(error as Error).message}`);
      throw error;
    }
  }

  /**
   * Once the batch's statement is done (`inserted`: the ids it stored, none if it failed): the
   * worker gets the leased runs of stored deliveries and its reservations back, and workers
   * hear what waits for them.
   */
  private settleArrivals(batch: readonly InboxRow[], inserted: ReadonlySet<string>): void {
    const stored = batch.filter((row) => inserted.has(row.id));
    this.dispatch?.settle(
      batch.reduce((sum, row) => sum + leasedRuns(row), 0),
      stored.filter((row) => row.lease),
    );
    const waiting = !this.dispatch
      ? 'plan'
      : stored.some((row) => !row.lease && row.runs?.length)
        ? 'claim'
        : 'none';
    this.events.notifyStored(stored.length, 'local', waiting);
    if (this.events.watched) for (const row of stored) this.events.notifyLive(storedEvent(row));
  }

  /** The insert alone (not the wait for the lock): what a slow disk or a checkpoint shows in. */
  private async timedInsert(
    batch: InboxRow[],
    committed: (inserted: ReadonlySet<string>) => void,
  ): Promise<StoredDelivery[]> {
    const startedAt = performance.now();
    const results = await this.insertBatch(batch, committed);
    this.events.notifyInboxCommit(batch.length, (performance.now() - startedAt) / 1000);
    return results;
  }

  /**
   * Insert what is new (`committed` is told what, as soon as it is); say, for every delivery,
   * which id owns its de-duplication key.
   */
  private async insertBatch(
    batch: InboxRow[],
    committed: (inserted: ReadonlySet<string>) => void,
  ): Promise<StoredDelivery[]> {
    // Duplicates inside the batch point at their first occurrence and are not inserted.
    const firstByKey = new Map<string, string>();
    const rows: InboxRow[] = [];
    for (const row of batch) {
      const key = dedupeKey(row);
      if (key && firstByKey.has(key)) continue;
      if (key) firstByKey.set(key, row.id);
      rows.push(row);
    }
    // One autocommit statement (committed when it returns); conflicts (rare) are looked up
    // afterwards, still under the lock.
    const inserted = await this.inbox.insert(rows);
    committed(inserted);
    const owners = await this.ownersOf(this.dataSource.manager, rows, inserted);
    return batch.map((row) => {
      const key = dedupeKey(row);
      const ownerId = key ? (owners.get(key) ?? firstByKey.get(key)!) : row.id;
      return { id: ownerId, duplicate: ownerId !== row.id };
    });
  }

  /** For keyed rows that were not inserted: the id of the delivery that already holds the key. */
  private async ownersOf(
    manager: EntityManager,
    rows: InboxRow[],
    inserted: Set<string>,
  ): Promise<Map<string, string>> {
    const conflicts = rows.filter(
      (row) => row.providerDeliveryId !== null && !inserted.has(row.id),
    );
    const owners = new Map<string, string>();
    if (conflicts.length === 0) return owners;
    const stored = await manager.getRepository(this.entities.Delivery).find({
      select: { id: true, provider: true, endpoint: true, providerDeliveryId: true },
      where: { providerDeliveryId: In(conflicts.map((row) => row.providerDeliveryId)) },
    });
    for (const found of stored) owners.set(dedupeKey(found)!, found.id);
    return owners;
  }
}

/** An endpoint is its provider and id (its URL), so both are part of the key. */
function dedupeKey(
  row: Pick<DeliveryRecord, 'provider' | 'endpoint' | 'providerDeliveryId'>,
): string | null {
  return row.providerDeliveryId === null
    ? null
    : `${row.provider}\u0000${row.endpoint}\u0000${row.providerDeliveryId}`;
}

function storedEvent(row: InboxRow): DeliveryStoredEvent {
  const { id, provider, endpoint, type, status } = row;
  const receivedAt = row.receivedAt.toISOString();
  return { kind: 'delivery.stored', id, provider, endpoint, type, status, receivedAt };
}
