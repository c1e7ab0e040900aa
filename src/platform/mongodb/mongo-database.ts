import { Db, MongoClient, ReadConcern, ReadConcernLevel } from 'mongodb';

export { databaseFromUrl } from './database-name';

/**
 * A database whose every write waits for a majority of the replica set (and its journal) and whose every read
 * sees only what a majority holds: after a failover nothing read or pushed live can be rolled back.
 */
export const majorityDatabase = (client: MongoClient, name: string): Db =>
  client.db(name, {
    readConcern: new ReadConcern(ReadConcernLevel.majority),
    writeConcern: { w: 'majority', journal: true },
  });

/** What the server says of itself at start-up: whether it is a replica set (or mongos), so has transactions. */
export async function supportsTransactions(db: Db): Promise<boolean> {
  const hello = await db.command({ hello: 1 });
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

/** The server's clock: leases are timed by it, so instances whose own clocks drift still agree. */
export async function serverTime(db: Db): Promise<Date> {
  const hello = await db.command({ hello: 1 });
  return hello.localTime instanceof Date ? hello.localTime : new Date();
}
