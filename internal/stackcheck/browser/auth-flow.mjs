// Drives the prebuilt SuperTokens UI of a running website in headless Chromium. The flow
// signs up with email and password, with a passwordless code read from the stand-in core,
// or, for multi-factor auth, with email and password followed by an email OTP read from
// the stand-in core, and checks the dashboard. It reloads the dashboard after the access
// token expired, so the frontend must refresh the session. Then it signs out, checks that
// the dashboard is protected again and, for email and password, signs in once more (with
// a new OTP for multi-factor auth).
//
//   node auth-flow.mjs INPUT.json
//
// INPUT.json holds: websiteURL, apiURL, coreURL, email, password, method ("emailpassword",
// "passwordless" or "multifactorauth"), chromium (executable path), toolsDir (the folder whose node_modules has
// playwright-core), artifactsDir (for the failure screenshot), timeoutMs and resultPath. The result is written to resultPath as JSON:
//   { ok, userId, signInUserId, failedStep, error, steps: [{ name, ms }], events: [...] }
// The script never intercepts requests (page.route would make Playwright answer CORS
// preflights itself), so every request reaches the real servers on localhost.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";


// Launch flags for Debian's Chromium in a container: no sandbox (no user namespaces),
// no GPU, and none of the background traffic a fresh profile starts.
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
// playwright-core is installed in the repository's tools/ folder (make tools).
const { chromium } = createRequire(path.join(input.toolsDir, "package.json"))(
  "playwright-core",
);
const timeout = input.timeoutMs ?? 60_000;
const result = { ok: false, steps: [], events: [] };
// Successful calls to the session refresh API, counted by the response listener.
const refreshes = { ok: 0 };

function note(kind, text) {
  // Keep the trace short: one line per event, at most 200 events.
  if (result.events.length < 200) {
    result.events.push(`${kind}: ${String(text).slice(0, 500)}`);
  }
}

async function step(name, fn) {
  const started = Date.now();
  try {
    return await fn();
  } catch (err) {
    result.failedStep ??= name;
    throw err;
  } finally {
    result.steps.push({ name, ms: Date.now() - started });
  }
}

// Returns the user id the dashboard shows: the #user-id element when there is one, else
// the first UUID in the page text.
async function dashboardUserId(page) {
  await page.waitForURL((url) => url.pathname.startsWith("/dashboard"), { timeout });
  const handle = await page.waitForFunction(
    (source) => {
      const pattern = new RegExp(source, "i");
      const element = document.querySelector("#user-id");
      const text = element?.textContent ?? document.body?.innerText ?? "";
      return text.match(pattern)?.[0] ?? false;
    },
    uuidPattern.source,
    { timeout },
  );
  return handle.jsonValue();
}

async function sessionCookieNames(context) {
  const cookies = await context.cookies();
  return cookies
    .filter((c) => c.value !== "" && /^s(Access|Refresh)Token$/.test(c.name))
    .map((c) => c.name);
}

// Returns the access token's expiry (Unix ms) from the sFrontToken cookie that
// supertokens-web-js keeps on the website's domain: base64 of {"uid", "ate", "up"}.
async function accessTokenExpiry(context) {
  const cookie = (await context.cookies()).find((c) => c.name === "sFrontToken");
  if (!cookie) {
    throw new Error("no sFrontToken cookie on the website after sign-up");
  }
  return JSON.parse(Buffer.from(decodeURIComponent(cookie.value), "base64").toString()).ate;
}

// Waits until the access token has expired, reloads the dashboard and checks that the
// frontend refreshed the session and shows the same user again.
async function dashboardAfterExpiry(page, context, userId) {
  const wait = (await accessTokenExpiry(context)) + 1500 - Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0)));
  const refreshesBefore = refreshes.ok;
  await page.reload({ timeout });
  const dashboardId = await dashboardUserId(page);
  if (dashboardId !== userId) {
    throw new Error(`the dashboard showed ${dashboardId} after the refresh, expected ${userId}`);
  }
  if (refreshes.ok === refreshesBefore) {
    throw new Error("the access token expired but no refresh call succeeded");
  }
}

async function openAuthPage(page) {
  await page.goto(`${input.websiteURL}/auth`, { timeout });
  try {
    await page.locator("input[name=email]").waitFor({ timeout });
  } catch (err) {
    throw new Error(
      `the prebuilt UI showed no email input on /auth within ${timeout} ms`,
      { cause: err },
    );
  }
}

async function fillEmailPassword(page) {
  await page.locator("input[name=email]").fill(input.email);
  await page.locator("input[name=password]").fill(input.password);
  await page.locator("button[type=submit]").click();
}

async function signUpWithPassword(page) {
  await openAuthPage(page);
  // The sign-in form links to the sign-up form with a "Sign Up" text link.
  await page.getByText("Sign Up", { exact: true }).first().click();
  await page.locator("button[type=submit]", { hasText: /sign up/i }).waitFor({ timeout });
  await fillEmailPassword(page);
}

// Returns the newest code the stand-in core created for the email address, as
// { userInputCode, codeId }, waiting until there is one whose codeId is not in seen.
async function fetchCode(seen = []) {
  const url = `${input.coreURL}/test/codes?contact=${encodeURIComponent(input.email)}`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const response = await fetch(url);
    if (response.ok) {
      const code = await response.json();
      if (!seen.includes(code.codeId)) {
        return code;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `GET ${url} returned no new code (last status ${response.status}) until the timeout`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function signUpWithCode(page) {
  await openAuthPage(page);
  await page.locator("input[name=email]").fill(input.email);
  await page.locator("button[type=submit]").click();
  const codeInput = page.locator("input[name=userInputCode]");
  await codeInput.waitFor({ timeout });
  await codeInput.fill((await fetchCode()).userInputCode);
  await page.locator("button[type=submit]").click();
}

// Checks from the page that the API's GET /sessioninfo rejects the session with 403 for
// the st-mfa claim while the second factor is missing.
async function expectMfaClaimFailure(page) {
  const url = `${input.apiURL}/sessioninfo`;
  const res = await page.evaluate(async (target) => {
    const response = await fetch(target, { credentials: "include" });
    return { status: response.status, body: await response.text() };
  }, url);
  if (res.status !== 403 || !res.body.includes("st-mfa")) {
    throw new Error(
      `GET ${url} before the second factor returned ${res.status} ` +
        `${res.body.slice(0, 200)}, expected 403 with the st-mfa claim`,
    );
  }
}

// Completes the email OTP factor on the prebuilt MFA screen with a code whose id is not
// in seen, and returns the code's id.
async function completeOtpEmailFactor(page, seen) {
  const codeInput = page.locator("input[name=userInputCode]");
  await codeInput.waitFor({ timeout });
  const code = await fetchCode(seen);
  await codeInput.fill(code.userInputCode);
  await page.locator("button[type=submit]").click();
  return code.codeId;
}

async function run() {
  const browser = await chromium.launch({
    executablePath: input.chromium,
    args: chromiumArgs,
    timeout,
  });
  try {
    const context = await browser.newContext();
    context.setDefaultTimeout(timeout);
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") {
        note(`console.${m.type()}`, m.text());
      }
    });
    page.on("pageerror", (e) => note("pageerror", e.message));
    page.on("requestfailed", (r) =>
      note("requestfailed", `${r.method()} ${r.url()} ${r.failure()?.errorText}`),
    );
    page.on("response", (r) => {
      if (r.status() === 200 && new URL(r.url()).pathname.endsWith("/session/refresh")) {
        refreshes.ok += 1;
      }
      if (r.status() >= 400) {
        note("response", `${r.status()} ${r.request().method()} ${r.url()}`);
      }
    });

    const mfa = input.method === "multifactorauth";
    // Ids of the OTPs already entered, so that a sign-in waits for a new one.
    const usedCodes = [];
    try {
      await step("sign up", () =>
        input.method === "passwordless" ? signUpWithCode(page) : signUpWithPassword(page),
      );
      if (mfa) {
        await step("second factor", async () => {
          await page.locator("input[name=userInputCode]").waitFor({ timeout });
          await expectMfaClaimFailure(page);
          usedCodes.push(await completeOtpEmailFactor(page, usedCodes));
        });
      }
      result.userId = await step("dashboard", () => dashboardUserId(page));
      await step("session cookies", async () => {
        const names = await sessionCookieNames(context);
        if (!names.includes("sAccessToken")) {
          throw new Error(`no sAccessToken cookie after sign-up (cookies: ${names})`);
        }
      });
      await step("refresh after expiry", () =>
        dashboardAfterExpiry(page, context, result.userId),
      );
      await step("sign out", async () => {
        await page.getByRole("button", { name: /sign out/i }).click();
        await page.waitForURL((url) => !url.pathname.startsWith("/dashboard"), { timeout });
        const names = await sessionCookieNames(context);
        if (names.length > 0) {
          throw new Error(`session cookies left after sign-out: ${names}`);
        }
      });
      await step("dashboard protected", async () => {
        await page.goto(`${input.websiteURL}/dashboard`, { timeout });
        await page.waitForURL((url) => url.pathname.startsWith("/auth"), { timeout });
      });
      if (input.method !== "passwordless") {
        await step("sign in", async () => {
          await openAuthPage(page);
          await fillEmailPassword(page);
          if (mfa) {
            usedCodes.push(await completeOtpEmailFactor(page, usedCodes));
          }
        });
        result.signInUserId = await step("dashboard again", () => dashboardUserId(page));
      }
      result.ok = true;
    } catch (err) {
      result.error = err instanceof Error ? err.message : String(err);
      if (err?.cause instanceof Error) {
        result.error += `\ncaused by: ${err.cause.message}`;
      }
      result.url = page.url();
      result.pageText = (await page.evaluate(() => document.body?.innerText ?? "").catch(
        () => "",
      )).slice(0, 2000);
      if (input.artifactsDir) {
        const file = path.join(input.artifactsDir, "failure.png");
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        result.screenshot = file;
      }
    }
  } finally {
    await browser.close();
  }
}

try {
  await run();
} catch (err) {
  result.failedStep ??= "launch";
  result.error = err instanceof Error ? err.message : String(err);
}
writeFileSync(input.resultPath, JSON.stringify(result, null, 2));
process.exit(result.ok ? 0 : 1);
