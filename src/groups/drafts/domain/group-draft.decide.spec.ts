import { Actor } from '../../../platform/domain/decider';
import { givenEvents } from '../../../platform/domain/testing/decider-spec';
import {
  AT,
  EARLIER,
  katinganFacilitator,
  KASONGAN_BARU,
  KATINGAN_HILIR,
  NOW,
  rahmat,
  regions,
  siti,
} from '../../domain/testing/group.fixtures';
import { DraftingGroupFacts, SignedDraftFacts } from './group-draft.commands';
import { createGroupDraftDecider, draftSignatureDecider } from './group-draft.decide';
import { GroupDraftEvent, GroupDraftStarted } from './group-draft.events';
import { groupDraftPersonalData } from './group-draft.personal-data';
import { draftSignatureStream } from './group-draft.streams';

const given = givenEvents(createGroupDraftDecider(regions));
const givenSignature = givenEvents(draftSignatureDecider);

const group: DraftingGroupFacts = {
  groupId: 'group-1',
  name: 'KIM Kasongan Baru',
  regionCode: KASONGAN_BARU,
  status: 'active',
  signatureThreshold: 3,
  actorIsMember: true,
};
const content = {
  title: 'Lampu jalan desa padam',
  body: 'Lampu jalan di sepanjang jalan desa padam sejak sebulan, warga takut keluar malam.',
  category: 'infrastruktur',
  anonymous: false,
};
const start = (data: object = {}, actor: Actor = siti) =>
  ({
    type: 'StartGroupDraft',
    data: { draftId: 'draft-1', ...content, group, ...data },
    metadata: { actor, now: NOW },
  }) as const;

const started: GroupDraftStarted = {
  type: 'GroupDraftStarted',
  data: {
    draftId: 'draft-1',
    groupId: 'group-1',
    groupName: 'KIM Kasongan Baru',
    ...content,
    regionCode: KASONGAN_BARU,
    draftedBy: siti.id,
    signatureThreshold: 3,
    startedAt: EARLIER,
  },
};

describe('StartGroupDraft', () => {
  it('starts a draft in the group’s region with its name and threshold as they are now', () =>
    given()
      .when(start())
      .then({ ...started, data: { ...started.data, startedAt: AT } }));

  it('keeps the monitoring report it came from', () =>
    given()
      .when(start({ monitoringReportId: 'report-1' }))
      .then({ ...started, data: { ...started.data, monitoringReportId: 'report-1', startedAt: AT } }));

  it('answers a group the drafter cannot see as not found', () =>
    given()
      .when(start({ group: null }))
      .thenFails('not_found', 'group_not_found'));

  it('refuses one who is no member, and a facilitator', () => {
    given()
      .when(start({ group: { ...group, actorIsMember: false } }, rahmat))
      .thenFails('forbidden', 'members_only');
    given().when(start({}, katinganFacilitator)).thenFails('forbidden', 'members_only');
  });

  it('refuses a dissolved group', () =>
    given()
      .when(start({ group: { ...group, status: 'dissolved' } }))
      .thenFails('conflict', 'group_not_active'));

  it('refuses a region outside the group’s, naming regionCode', () => {
    const district = { ...group, regionCode: KATINGAN_HILIR };
    given()
      .when(start({ group: district, regionCode: KASONGAN_BARU }))
      .then({
        ...started,
        data: { ...started.data, startedAt: AT },
      });
    given()
      .when(start({ regionCode: '62.06.01.2001' }))
      .thenFails('invalid', 'outside_group_region', 'regionCode');
  });

  it.each([
    ['a short title', { title: 'Lamp' }, 'invalid_title', 'title'],
    ['a short body', { body: 'Padam' }, 'invalid_body', 'body'],
    ['an unknown category', { category: 'lain' }, 'unknown_category', 'category'],
    ['an unknown region', { regionCode: '62.06.02.9999' }, 'unknown_region', 'regionCode'],
    ['anonymity that is no boolean', { anonymous: 'ya' }, 'invalid_anonymous', 'anonymous'],
  ])('refuses %s with %s', (_, data, code, field) =>
    given().when(start(data)).thenFails('invalid', code, field),
  );

  it('refuses a second start of the same draft', () =>
    given(started).when(start()).thenFails('conflict', 'draft_already_exists'));
});

describe('RecordDraftSubmission', () => {
  const record = (signatures = 3) =>
    ({
      type: 'RecordDraftSubmission',
      data: { aspirationId: 'asp-1', signatures },
      metadata: { actor: rahmat, now: NOW },
    }) as const;
  const submitted: GroupDraftEvent = {
    type: 'GroupDraftSubmitted',
    data: { aspirationId: 'asp-1', signatures: 3, submittedAt: AT },
  };

  it('records the aspiration and the signatures it went with', () =>
    given(started).when(record()).then(submitted));
  it('changes nothing the second time', () => given(started, submitted).when(record(4)).then());
  it('refuses a draft that does not exist', () =>
    given().when(record()).thenFails('not_found', 'draft_not_found'));
  it('refuses a count below one', () =>
    given(started).when(record(0)).thenFails('invalid', 'invalid_signatures', 'signatures'));
});

describe('SignGroupDraft', () => {
  const facts: SignedDraftFacts = {
    status: 'collecting',
    groupStatus: 'active',
    signerIsMember: true,
    signerIsDrafter: false,
    drafterIsMember: true,
  };
  const sign = (draft: Partial<SignedDraftFacts> | null = {}, actor: Actor = rahmat) =>
    ({
      type: 'SignGroupDraft',
      data: { draftId: 'draft-1', groupId: 'group-1', draft: draft === null ? null : { ...facts, ...draft } },
      metadata: { actor, now: NOW },
    }) as const;
  const signed = {
    type: 'GroupDraftSigned',
    data: { draftId: 'draft-1', groupId: 'group-1', signedAt: AT },
  } as const;

  it('co-signs', () => givenSignature().when(sign()).then(signed));
  it('refuses a second signature', () =>
    givenSignature({ ...signed, data: { ...signed.data, signedAt: EARLIER } })
      .when(sign())
      .thenFails('conflict', 'already_signed'));
  it('refuses a draft that does not exist', () =>
    givenSignature().when(sign(null)).thenFails('not_found', 'draft_not_found'));
  it('refuses one who is no member, and a facilitator', () => {
    givenSignature()
      .when(sign({ signerIsMember: false }))
      .thenFails('forbidden', 'members_only');
    givenSignature().when(sign({}, katinganFacilitator)).thenFails('forbidden', 'members_only');
  });
  it('refuses a dissolved group, a submitted draft, the drafter and a draft whose drafter left', () => {
    givenSignature()
      .when(sign({ groupStatus: 'dissolved' }))
      .thenFails('conflict', 'group_not_active');
    givenSignature()
      .when(sign({ status: 'submitted' }))
      .thenFails('conflict', 'draft_already_submitted');
    givenSignature()
      .when(sign({ signerIsDrafter: true }))
      .thenFails('conflict', 'own_draft');
    givenSignature()
      .when(sign({ drafterIsMember: false }))
      .thenFails('conflict', 'drafter_left');
  });
});

describe('draft streams and personal data', () => {
  it('names a signature stream by the draft and a digest of the pair, never the signer', () => {
    const stream = draftSignatureStream('draft-1', rahmat.id);
    expect(stream).toMatch(/^group-signature-draft-1-[0-9a-f]{32}$/);
    expect(stream).not.toContain(rahmat.id);
    expect(stream).not.toBe(draftSignatureStream('draft-1', siti.id));
  });

  it('seals the drafter', () =>
    expect(groupDraftPersonalData(started)).toEqual([{ field: 'draftedBy', subject: siti.id }]));
});
