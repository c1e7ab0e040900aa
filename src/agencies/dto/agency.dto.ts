import { ArrayMaxSize, IsArray, IsDefined, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { PlainText } from '../../platform/text/plain-text';

const AGENCY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const AGENCY_ID_MESSAGE = '$property must be a kebab-case id such as dinas-pupr';
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export class RegisterAgencyDto {
  @IsString() @Length(2, 64) @Matches(AGENCY_ID, { message: AGENCY_ID_MESSAGE }) agencyId!: string;
  @Length(3, 200) @PlainText({ visible: true }) name!: string;
  @IsString()
  @Matches(REGION_CODE, { message: 'regionCode must look like 62.06 or 62.06.02.1003' })
  regionCode!: string;
  @ValidateIf((o) => o.parentAgencyId !== undefined)
  @IsString()
  @Matches(AGENCY_ID, { message: AGENCY_ID_MESSAGE })
  parentAgencyId?: string;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) categories!: string[];
}

export class ServedCategoriesDto {
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) categories!: string[];
}

export class ParentAgencyDto {
  @IsDefined({ message: 'parentAgencyId is required (null detaches the parent)' })
  @ValidateIf((o) => o.parentAgencyId !== null)
  @IsString()
  @Matches(AGENCY_ID, { message: AGENCY_ID_MESSAGE })
  parentAgencyId!: string | null;
}

export class AddOfficialDto {
  @IsString() @Length(1, 128) @Matches(/^[A-Za-z0-9._:-]+$/) officialId!: string;
  @Length(1, 200) @PlainText({ visible: true }) name!: string;
}
