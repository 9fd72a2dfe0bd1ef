'use strict';
// Preloaded into a gateway process (NODE_OPTIONS=--require): a few seconds after start, prints
// which broker client libraries the process has loaded, for the lazy-loading test.
const CLIENTS = ['nats', 'amqplib', 'ioredis', 'cloudevents'];
setTimeout(
  () => {
    const files = Object.keys(require.cache);
    const loaded = CLIENTS.filter((name) =>
      files.some((file) => file.includes(`/node_modules/${name}/`)),
    );
    process.stderr.write(`LOADED CLIENTS ${JSON.stringify(loaded)}\n`);
  },
  Number(process.env.REPORT_CLIENTS_AFTER_MS ?? 3000),
).unref();
