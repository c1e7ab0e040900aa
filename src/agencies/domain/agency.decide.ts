import { assertNever, CommandMetadata } from '../../platform/domain/decider';
import {
  AddOfficial,
  AgencyCommand,
  RegisterAgency,
  RemoveOfficial,
  SetParentAgency,
  SetServedCategories,
} from './agency.commands';
import { agencyErrors } from './agency.errors';
import { AgencyEvent } from './agency.events';
import { AgencyState, RegisteredAgency } from './agency.state';
import {
  sameCategories,
  validateAgencyId,
  validateCategories,
  validName,
  validOfficialName,
} from './agency.validation';

// Every command checks, in order: who acts, the input, then the agency's state.
export function decide(command: AgencyCommand, state: AgencyState): AgencyEvent[] {
  switch (command.type) {
    case 'RegisterAgency':
      return registerAgency(command, state);
    case 'SetServedCategories':
      return setServedCategories(command, state);
    case 'SetParentAgency':
      return setParentAgency(command, state);
    case 'AddOfficial':
      return addOfficial(command, state);
    case 'RemoveOfficial':
      return removeOfficial(command, state);
    default:
      return assertNever(command);
  }
}

function registerAgency({ data, metadata }: RegisterAgency, state: AgencyState): AgencyEvent[] {
  requireAdmin(metadata);
  validateAgencyId(data.agencyId, 'agencyId');
  const name = validName(data.name);
  if (data.regionCode.trim() === '') throw agencyErrors.missingRegionCode();
  if (data.parentAgencyId !== undefined) validateParent(data.agencyId, data.parentAgencyId);
  validateCategories(data.categories);
  if (state.status !== 'none') throw agencyErrors.alreadyRegistered(data.agencyId);
  const { agencyId, regionCode, parentAgencyId, categories } = data;
  const parent = parentAgencyId === undefined ? {} : { parentAgencyId };
  const registeredAt = metadata.now.toISOString();
  return [
    { type: 'AgencyRegistered', data: { agencyId, name, regionCode, ...parent, categories, registeredAt } },
  ];
}

function setServedCategories({ data, metadata }: SetServedCategories, state: AgencyState): AgencyEvent[] {
  requireAdmin(metadata);
  validateCategories(data.categories);
  const agency = requireRegistered(state);
  if (sameCategories(agency.categories, data.categories)) return [];
  return [
    { type: 'AgencyCategoriesSet', data: { categories: data.categories, setAt: metadata.now.toISOString() } },
  ];
}

function setParentAgency({ data, metadata }: SetParentAgency, state: AgencyState): AgencyEvent[] {
  requireAdmin(metadata);
  if (data.parentAgencyId !== null) validateParent(data.agencyId, data.parentAgencyId);
  // Cycles through other agencies need their streams: the handler checks them before deciding.
  const agency = requireRegistered(state);
  if ((agency.parentAgencyId ?? null) === data.parentAgencyId) return [];
  const { parentAgencyId } = data;
  return [{ type: 'AgencyParentSet', data: { parentAgencyId, setAt: metadata.now.toISOString() } }];
}

function addOfficial({ data, metadata }: AddOfficial, state: AgencyState): AgencyEvent[] {
  requireAdmin(metadata);
  if (data.officialId.trim() === '') throw agencyErrors.missingOfficialId();
  const name = validOfficialName(data.name);
  const agency = requireRegistered(state);
  if (Object.hasOwn(agency.officials, data.officialId)) throw agencyErrors.alreadyOfficial(data.officialId);
  const { officialId } = data;
  return [{ type: 'OfficialAdded', data: { officialId, name, addedAt: metadata.now.toISOString() } }];
}

function removeOfficial({ data, metadata }: RemoveOfficial, state: AgencyState): AgencyEvent[] {
  requireAdmin(metadata);
  const agency = requireRegistered(state);
  if (!Object.hasOwn(agency.officials, data.officialId)) throw agencyErrors.notOfficial(data.officialId);
  const { officialId } = data;
  return [{ type: 'OfficialRemoved', data: { officialId, removedAt: metadata.now.toISOString() } }];
}

function requireAdmin({ actor }: CommandMetadata): void {
  if (actor.role !== 'admin') throw agencyErrors.adminOnly();
}

function requireRegistered(state: AgencyState): RegisteredAgency {
  if (state.status !== 'registered') throw agencyErrors.notRegistered();
  return state;
}

function validateParent(agencyId: string, parentAgencyId: string): void {
  validateAgencyId(parentAgencyId, 'parentAgencyId');
  if (parentAgencyId === agencyId) throw agencyErrors.ownParent();
}
