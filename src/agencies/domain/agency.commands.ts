import { Command } from '../../platform/domain/decider';

// Every command names its agency so the handler can pick the stream (agencyStream).
export type RegisterAgency = Command<
  'RegisterAgency',
  { agencyId: string; name: string; regionCode: string; parentAgencyId?: string; categories: string[] }
>;

export type SetServedCategories = Command<'SetServedCategories', { agencyId: string; categories: string[] }>;

export type SetParentAgency = Command<'SetParentAgency', { agencyId: string; parentAgencyId: string | null }>;

export type AddOfficial = Command<'AddOfficial', { agencyId: string; officialId: string; name: string }>;

export type RemoveOfficial = Command<'RemoveOfficial', { agencyId: string; officialId: string }>;

export type AgencyCommand =
  RegisterAgency | SetServedCategories | SetParentAgency | AddOfficial | RemoveOfficial;
