import 'reflect-metadata';
import { createApp } from './app';
import { configFromEnv } from './platform/config';

async function bootstrap() {
  const config = configFromEnv();
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(`Suara Warga is listening on http://localhost:${config.port} (data in ${config.dataDir})`);
}

void bootstrap();
