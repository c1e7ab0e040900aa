import { Module } from '@nestjs/common';
import { ReferenceDataController } from './reference-data.controller';

/** The public routes over the reference data (the global ReferenceDataModule provides the data itself). */
@Module({ controllers: [ReferenceDataController] })
export class ReferenceDataRoutesModule {}
