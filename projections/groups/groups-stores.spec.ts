import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { accountStream } from '../../src/accounts/domain/account.streams';
import { groupStream, memberKeyOf } from '../../src/groups/domain/group.streams';
import { createGroupDecider } from '../../src/groups/domain/group.decider';
import {
  createGroupDraftDecider,
  draftSignatureDecider,
} from '../../src/groups/drafts/domain/group-draft.decide';
import { draftSignatureStream, groupDraftStream } from '../../src/groups/drafts/domain/group-draft.streams';
import { GetGroupHandler, GetGroup } from '../../src/groups/queries/get-group.handler';
import { ListDrafts, ListDraftsHandler } from '../../src/groups/queries/list-drafts.handler';
import { ListGroups, ListGroupsHandler } from '../../src/groups/queries/list-groups.handler';
import { ListMembers, ListMembersHandler } from '../../src/groups/queries/list-members.handler';
import { ListMyGroups, ListMyGroupsHandler } from '../../src/groups/queries/list-my-groups.handler';
import { GetReport, GetReportHandler } from '../../src/groups/queries/reports.handler';
import { monitoringReportDecider } from '../../src/groups/reports/domain/monitoring-report.decide';
import { monitoringReportStream } from '../../src/groups/reports/domain/monitoring-report.streams';
import { personalDataPolicy } from '../../src/personal-data-policy';
import { handleCommand, readState } from '../../src/platform/commands/handle-command';
import { Actor, Command, Decider, DomainEvent } from '../../src/platform/domain/decider';
import { DocumentStore } from '../../src/platform/document-store/document-store.port';
import { databaseFromUrl, MongoDocumentStore } from '../../src/platform/document-store/mongo-document-store';
import { SqliteDocumentStore } from '../../src/platform/document-store/sqlite-document-store';
import { EventLog } from '../../src/platform/event-log/event-log';
import { EventSealer } from '../../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../../src/platform/event-store/sqlite-event-store';
import { positionToString } from '../../src/platform/event-store/stored-event';
import { commandIdFor, requestDigestOf } from '../../src/platform/ids';
import { SqliteKeyStore } from '../../src/platform/personal-data/sqlite-key-store';
import { ReadModels } from '../../src/platform/read-models/read-models';
import { loadRegionCatalogue } from '../../src/regions/region-catalogue';
import { waitFor } from '../../test/support/wait-for';
import { ProjectionRunner } from '../runner/projection-runner';
import { groupsProjection } from './groups.projection';

// The groups read model as the app has it: real sealed events, the real runner, the real query handlers, on each
// document store adapter (MongoDB when MONGO_URL is set): the filters on arrays and nested fields included.

const regions = loadRegionCatalogue();
const NOW = new Date('2026-02-02T03:00:00.000Z');
const fasil: Actor = { id: 'fasil-katingan', role: 'facilitator', regionCode: '62.06' };
const citizen = (n: number): Actor => ({ id: `warga-${n}`, role: 'citizen' });

interface Space {
  open(): DocumentStore;
  dispose(): Promise<void>;
}

const sqliteSpace = (): Space => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-groups-docs-'));
  return {
    open: () => new SqliteDocumentStore(join(dir, 'read-models.sqlite')),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

const mongoSpace = (url: string) => (): Space => {
  const database = `${databaseFromUrl(url)}_groups_${randomBytes(4).toString('hex')}`;
  return {
    open: () => new MongoDocumentStore(url, { database }),
    dispose: async () => {
      const client = await new MongoClient(url).connect();
      await client.db(database).dropDatabase();
      await client.close();
    },
  };
};

function suite(adapter: string, newSpace: () => Space): void {
  describe(`groups read model on the real stores: ${adapter}`, () => {
    let dir: string;
    let events: SqliteEventStore;
    let keys: SqliteKeyStore;
    let log: EventLog;
    let space: Space;
    let documents: DocumentStore;
    let runner: ProjectionRunner;
    let readModels: ReadModels;
    let sent = 0;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'suara-groups-'));
      events = new SqliteEventStore(join(dir, 'events.sqlite'));
      keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
      log = new EventLog(events, new EventSealer(keys, personalDataPolicy));
      space = newSpace();
      documents = space.open();
      readModels = new ReadModels(documents, events);
      const deps = {
        events,
        documents,
        sealer: log.sealer,
        logger: pino({ level: 'silent' }),
        holder: 'spec',
        leaseTtlMs: 300,
      };
      runner = new ProjectionRunner(groupsProjection, deps);
      runner.start();
    });

    afterAll(async () => {
      await runner.stop();
      await Promise.all([events.close(), keys.close(), documents.close()]);
      await space.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    async function send<C extends Command, E extends DomainEvent, S>(
      decider: Decider<C, E, S>,
      stream: string,
      actor: Actor,
      type: C['type'],
      data: object,
    ): Promise<string> {
      sent += 1;
      const command = { type, data, metadata: { actor, now: NOW } } as C;
      const result = await handleCommand(log, decider, {
        stream,
        command,
        commandId: commandIdFor(actor.id, `spec-${sent}`),
        requestDigest: requestDigestOf(type, stream, { sent }),
        correlationId: `spec-${sent}`,
      });
      return positionToString(result.position!);
    }

    const groups = createGroupDecider({ regions });
    const drafts = createGroupDraftDecider(regions);
    const caughtUp = (position: string) =>
      waitFor(async () => (await readModels.position('groups')) >= BigInt(position), 'the groups read model');

    it('lists groups, members by group and by person, drafts and reports, and forgets an erased member', async () => {
      const group = 'c0ffee00-0000-4000-8000-000000000001';
      const charter = {
        groupId: group,
        name: 'KIM Kasongan Baru',
        regionCode: '62.06.02.1003',
        joinPolicy: 'open',
      };
      await send(groups, groupStream(group), fasil, 'FoundGroup', charter);
      for (const n of [1, 2, 3])
        await send(groups, groupStream(group), citizen(n), 'JoinGroup', { displayName: `Warga ${n}` });
      await send(groups, groupStream(group), citizen(3), 'LeaveGroup', {});
      const proposal = 'c0ffee00-0000-4000-8000-000000000002';
      await send(groups, groupStream(proposal), citizen(4), 'FoundGroup', { ...charter, groupId: proposal });

      const state = await readState(log, groups, groupStream(group));
      const facts = {
        groupId: group,
        name: 'KIM Kasongan Baru',
        regionCode: '62.06.02.1003',
        status: 'active',
        signatureThreshold: 3,
        actorIsMember: true,
      };
      const draft = 'd4af7000-0000-4000-8000-000000000001';
      const content = {
        title: 'Lampu jalan desa padam',
        body: 'Lampu jalan desa padam sejak sebulan lalu.',
        category: 'infrastruktur',
        anonymous: false,
      };
      await send(drafts, groupDraftStream(draft), citizen(1), 'StartGroupDraft', {
        draftId: draft,
        ...content,
        group: facts,
      });
      const signing = {
        status: 'collecting',
        groupStatus: 'active',
        signerIsMember: true,
        signerIsDrafter: false,
        drafterIsMember: true,
      };
      await send(
        draftSignatureDecider,
        draftSignatureStream(draft, 'warga-2'),
        citizen(2),
        'SignGroupDraft',
        { draftId: draft, groupId: group, draft: signing },
      );
      expect(state.status).toBe('active');

      const report = 'feedbac0-0000-4000-8000-000000000001';
      const reporting = { groupId: group, status: 'active', actorIsMember: true, actorFacilitates: false };
      const reportStream = monitoringReportStream(report);
      await send(monitoringReportDecider, reportStream, citizen(1), 'RecordMonitoringReport', {
        reportId: report,
        source: 'Rapat desa',
        summary: 'Pupuk bersubsidi belum datang.',
        monitoredOn: '2026-02-01',
        group: reporting,
      });
      const last = await send(
        monitoringReportDecider,
        reportStream,
        citizen(2),
        'CommentOnMonitoringReport',
        { commentId: 'comment-1', body: 'Benar.', group: reporting },
      );
      await caughtUp(last);

      const listed = await new ListGroupsHandler(readModels).execute(
        new ListGroups({ region: '62.06.02', limit: 1 }, fasil),
      );
      const second = await new ListGroupsHandler(readModels).execute(
        new ListGroups({ region: '62.06.02', limit: 1, cursor: listed.nextCursor! }, fasil),
      );
      expect([...listed.items, ...second.items].map((g) => g.id).sort()).toEqual([group, proposal]);
      expect(second.nextCursor).toBeNull();
      const forPublic = await new ListGroupsHandler(readModels).execute(new ListGroups({}, undefined));
      expect(forPublic.items.map((g) => [g.id, g.memberCount])).toEqual([[group, 2]]);

      const members = await new ListMembersHandler(readModels).execute(
        new ListMembers(group, citizen(1), { limit: 1 }),
      );
      const rest = await new ListMembersHandler(readModels).execute(
        new ListMembers(group, citizen(1), { limit: 1, cursor: members.nextCursor! }),
      );
      // Joined at one instant: the member key orders them.
      expect([...members.items, ...rest.items].map((m) => m.displayName).sort()).toEqual([
        'Warga 1',
        'Warga 2',
      ]);
      const mine = await new ListMyGroupsHandler(readModels).execute(new ListMyGroups('warga-2', {}));
      expect(mine.items).toEqual([
        expect.objectContaining({ groupId: group, memberKey: memberKeyOf(group, 'warga-2') }),
      ]);
      const seen = await new ListDraftsHandler(readModels).execute(new ListDrafts(group, citizen(2), {}));
      expect(seen.items).toEqual([expect.objectContaining({ id: draft, signatures: 2, signedByYou: true })]);
      const detail = await new GetReportHandler(readModels).execute(
        new GetReport(group, report, citizen(1), undefined),
      );
      expect(detail.report.comments?.[0]).toMatchObject({
        body: 'Benar.',
        author: { displayName: 'Warga 2', you: false },
      });

      // Warga 2 is erased: memberships, signatures and comments forget them.
      const erased = await log.append(
        accountStream('warga-2'),
        [{ type: 'AccountErased', data: { accountId: 'warga-2', erasedAt: NOW.toISOString() } }],
        'no_stream',
        {
          actor: 'warga-2',
          role: 'citizen',
          commandId: 'erase',
          requestDigest: 'erase',
          correlationId: 'erase',
          causationId: 'erase',
          occurredAt: NOW.toISOString(),
        },
      );
      await caughtUp(positionToString(erased.position!));
      const after = await new GetGroupHandler(readModels).execute(new GetGroup(group, fasil, undefined));
      expect(after.group.memberCount).toBe(1);
      const forgotten = await new GetReportHandler(readModels).execute(
        new GetReport(group, report, citizen(1), undefined),
      );
      expect(forgotten.report.comments?.[0].author).toMatchObject({ displayName: null, erased: true });
      const unsigned = await new ListDraftsHandler(readModels).execute(new ListDrafts(group, citizen(1), {}));
      expect(unsigned.items[0]).toMatchObject({ signatures: 2 });
    });
  });
}

suite('SQLite', sqliteSpace);

const mongoUrl = process.env.MONGO_URL;
if (mongoUrl) suite('MongoDB', mongoSpace(mongoUrl));
// Reported as skipped by name, never silently passed.
else
  describe.skip('groups read model on the real stores: MongoDB (skipped: MONGO_URL is not set)', () => {
    it('runs the groups suite against MongoDB', () => {});
  });
