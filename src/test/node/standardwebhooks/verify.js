// Verifies one delivery with the reference implementation: node verify.js <file.json>
// The file holds {id, timestamp, signature, body, secret}. Prints "verified <type>" or exits 1 with the error.
const fs = require("fs");
const { Webhook } = require("standardwebhooks");

const d = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
try {
  const payload = new Webhook(d.secret).verify(d.body, {
    "webhook-id": d.id,
    "webhook-timestamp": d.timestamp,
    "webhook-signature": d.signature,
  });
  console.log("verified " + payload.type);
} catch (e) {
  console.log("refused " + e.message);
  process.exit(1);
}
