import { LiveClient } from '../src/live/testing/live-client';
import { startTestApp } from './support/test-app';

it('smoke', async () => {
  const running = await startTestApp();
  const client = await LiveClient.connect(running.url);
  console.log(await client.subscribe('feed'));
  console.log(await client.subscribe('nonsense'));
  client.close();
  await running.close();
});
