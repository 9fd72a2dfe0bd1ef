'use strict';
// A downstream service for the scale-out tests, run in its own process: in the test process it
// shares an event loop with the load generator, and on a loaded 2-core machine it then accepted
// new connections seconds late, so forwards timed out through no fault of the gateway.
// Answers every POST 200 after a little latency and reports each webhook-id it received to
// the parent over IPC: { port } once listening, then { id } per request.
const { createServer } = require('node:http');

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () =>
    // A little latency, so runs are in flight when a gateway process dies.
    setTimeout(() => {
      process.send({ id: String(req.headers['webhook-id']) });
      res.writeHead(200).end();
    }, 5),
  );
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
