import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { DATE_TIME, POSITION } from '../../platform/http/openapi-formats';

const HASH = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hex' } as const;
const TREE_SIZE = {
  type: 'integer',
  minimum: 0,
  description: 'How many events of the log, in position order',
} as const;

@ApiSchema({ name: 'AuditPublicKey' })
export class PublicKeyView {
  @ApiProperty({ enum: ['Ed25519'], type: String }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SubjectPublicKeyInfo, PEM: keep it to check every checkpoint' })
  publicKey!: string;
  @ApiProperty({
    ...HASH,
    description: 'SHA-256 of the public key (DER), hex: the log’s name in checkpoints',
  })
  logId!: string;
}

@ApiSchema({ name: 'SignedCheckpoint' })
export class CheckpointView {
  @ApiProperty({ ...HASH, description: 'Which log signed it: SHA-256 of its public key' }) logId!: string;
  @ApiProperty({ ...HASH, description: 'RFC 6962 Merkle root of the first treeSize events' })
  rootHash!: string;
  @ApiProperty({ ...DATE_TIME, description: 'When it was signed' }) timestamp!: string;
  @ApiProperty(TREE_SIZE) treeSize!: number;
  @ApiProperty({ description: 'Ed25519 over the RFC 8785 canonical JSON of the four fields above, base64' })
  signature!: string;
}

@ApiSchema({ name: 'CheckpointPage' })
export class CheckpointPageView {
  @ApiProperty({ type: [CheckpointView], description: 'Oldest first' }) checkpoints!: CheckpointView[];
  @ApiPropertyOptional({ description: 'Pass as `after` for the next page; absent on the last' })
  next?: string;
}

@ApiSchema({ name: 'LogLeaf' })
export class LogLeafView {
  @ApiProperty({ ...HASH, description: 'The event’s stored hash' }) hash!: string;
  @ApiProperty(POSITION) position!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision!: number;
  @ApiProperty({ example: 'aspiration-58b91eaf-ed88-8635-a0b6-f56e3d9f733e' }) stream!: string;
}

@ApiSchema({ name: 'InclusionProof' })
export class InclusionProofView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The event’s place in the log, from 0' })
  leafIndex!: number;
  @ApiProperty(TREE_SIZE) treeSize!: number;
  @ApiProperty({ type: LogLeafView, description: 'What the leaf commits to; its RFC 8785 JSON is the leaf' })
  leaf!: LogLeafView;
  @ApiProperty({ ...HASH, description: 'SHA-256(0x00 || leaf)' }) leafHash!: string;
  @ApiProperty({ ...HASH, description: 'The root the proof leads to: compare with the signed checkpoint' })
  rootHash!: string;
  @ApiProperty({ type: [String], description: 'RFC 6962 audit path, from the leaf up, hex' })
  proof!: string[];
}

@ApiSchema({ name: 'ConsistencyProof' })
export class ConsistencyProofView {
  @ApiProperty(TREE_SIZE) from!: number;
  @ApiProperty(TREE_SIZE) to!: number;
  @ApiProperty(HASH) fromRoot!: string;
  @ApiProperty(HASH) toRoot!: string;
  @ApiProperty({ type: [String], description: 'RFC 6962 consistency proof, hex' }) proof!: string[];
}
