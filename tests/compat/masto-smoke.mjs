// Drives a running Fedi with masto (the Mastodon client library), exactly as a Mastodon app would:
// app registration, tokens (client credentials, sign-up, password grant), follow, post, home timeline,
// and the user stream over WebSocket. Prints one line per check; exits non-zero on the first failure.
// Usage: FEDI_WEB_URL=http://127.0.0.1:3000 node masto-smoke.mjs
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient } from "masto";

const url = process.env.FEDI_WEB_URL;
if (!url) throw new Error("FEDI_WEB_URL is not set");
const oob = "urn:ietf:wg:oauth:2.0:oob";
const scopes = "read write follow push";
const watchdog = setTimeout(() => { console.error("FAIL: timed out"); process.exit(2); }, 45_000);

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

const anonymous = createRestAPIClient({ url });
const oauth = createOAuthAPIClient({ url });

const instance = await anonymous.v2.instance.fetch();
check(/^\d+\.\d+\.\d+/.test(instance.version), `instance version ${instance.version} starts with X.Y.Z`);
check(typeof instance.configuration.urls.streaming === "string", "instance advertises a streaming URL");

const app = await anonymous.v1.apps.create({ clientName: "masto compatibility", redirectUris: oob, scopes });
check(app.clientId && app.clientSecret, "app registered with client id and secret");

const appToken = await oauth.token.create({
  grantType: "client_credentials", clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: oob, scope: scopes,
});
check(appToken.accessToken, "client_credentials token issued");
const appClient = createRestAPIClient({ url, accessToken: appToken.accessToken });

async function signUp(prefix) {
  const username = `${prefix}${Math.random().toString(36).slice(2, 10)}`;
  const email = `${username}@example.com`;
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const token = await appClient.v1.accounts.create({ username, email, password, agreement: true, locale: "en" });
  check(token.accessToken, `@${username} signed up and got a token`);
  return { username, email, password, token: token.accessToken };
}

const alice = await signUp("alice");
const bob = await signUp("bob");

const bobByPassword = await oauth.token.create({
  grantType: "password", clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: oob,
  username: bob.email, password: bob.password, scope: scopes,
});
check(bobByPassword.scope.split(" ").sort().join(" ") === scopes.split(" ").sort().join(" "), "password grant lists every granted scope");

const aliceClient = createRestAPIClient({ url, accessToken: alice.token });
const bobClient = createRestAPIClient({ url, accessToken: bobByPassword.accessToken });
const aliceAccount = await aliceClient.v1.accounts.verifyCredentials();
check(aliceAccount.username === alice.username, "verify_credentials returns the signed-up account");

const relationship = await bobClient.v1.accounts.$select(aliceAccount.id).follow();
check(relationship.following === true, "bob follows alice");

const streaming = createStreamingAPIClient({
  streamingApiUrl: instance.configuration.urls.streaming, accessToken: bobByPassword.accessToken, retry: false,
});
const subscription = streaming.user.subscribe();
const iterator = subscription[Symbol.asyncIterator]();
const firstEvent = iterator.next();
await new Promise((resolve) => setTimeout(resolve, 1500)); // let the socket open and subscribe

const text = `hello from masto ${Date.now()}`;
const status = await aliceClient.v1.statuses.create({ status: text, visibility: "public" });
check(status.id && status.content.includes("hello from masto"), "alice posted a status");

const streamed = await firstEvent;
check(!streamed.done && streamed.value.event === "update" && streamed.value.payload.id === status.id,
  "bob's user stream delivered the update");

const home = await bobClient.v1.timelines.home.list({ limit: 5 });
check(home.some((s) => s.id === status.id), "bob's home timeline shows alice's status");

const publicTimeline = await anonymous.v1.timelines.public.list({ local: true, limit: 40 });
check(publicTimeline.some((s) => s.id === status.id), "the local public timeline shows it anonymously");

await aliceClient.v1.statuses.$select(status.id).remove();
const deleted = await iterator.next();
check(!deleted.done && deleted.value.event === "delete" && deleted.value.payload === status.id, "bob's stream delivered the delete");

subscription.unsubscribe();
streaming.close();
clearTimeout(watchdog);
console.log("masto compatibility: all checks passed");
