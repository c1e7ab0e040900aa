import 'reflect-metadata';
import { createApp } from './app';
import { appConfigFromEnv } from './app-config';

async function bootstrap() {
  const config = appConfigFromEnv();
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(`Suara Warga is listening on http://localhost:${config.port} (data in ${config.dataDir})`);
}

void bootstrap();
