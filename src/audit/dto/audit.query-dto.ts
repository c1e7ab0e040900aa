import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** A tree size: a count of events, at most 15 digits so it stays a safe integer. */
export const TREE_SIZE = /^(0|[1-9][0-9]{0,14})$/;
const POSITION = /^(0|[1-9][0-9]{0,38})$/;

export class CheckpointPageDto {
  @IsOptional()
  @Matches(TREE_SIZE, { message: 'after must be a tree size from a previous page (a whole number)' })
  after?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class InclusionProofDto {
  @Matches(POSITION, { message: 'position must be a position of the log (a whole number)' })
  position!: string;

  @IsOptional()
  @Matches(TREE_SIZE, { message: 'treeSize must be the tree size of a checkpoint (a whole number)' })
  treeSize?: string;
}

export class ConsistencyProofDto {
  @Matches(TREE_SIZE, { message: 'from must be the tree size of the older checkpoint (a whole number)' })
  from!: string;

  @Matches(TREE_SIZE, { message: 'to must be the tree size of the newer checkpoint (a whole number)' })
  to!: string;
}
