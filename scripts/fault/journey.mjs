// The patient's side of scripts/fault-database.sh and scripts/fault-kill.sh, in Debian's Chromium.
//   node journey.mjs database URL          one browser session; runs $STOP_DB / $START_DB itself at the fault points
//   node journey.mjs before-kill URL STATE  answers part of the questionnaire, keeps the browser's storage in STATE
//   node journey.mjs after-kill URL STATE   checks the answers survived, finishes, registers, sends; keeps STATE
//   node journey.mjs after-second-kill URL STATE REFERENCE   checks the sent plan is listed once
// Each check prints "ok - ..." or "not ok - ..."; the exit code is the number of failed checks.
import { chromium } from "playwright-core";
import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [scenario, base, statePath, reference] = process.argv.slice(2);
const password = "violet-harbour-tunnel-1988";
let failed = 0;

function check(ok, what) {
  console.log(`${ok ? "ok" : "not ok"} - ${what}`);
  if (!ok) failed++;
}

async function attempt(what, action) {
  try {
    await action();
    check(true, what);
  } catch (e) {
    check(false, `${what}: ${e.message.split("\n")[0]}`);
  }
}

function run(command) {
  execSync(command, { stdio: "inherit", shell: "/bin/bash" });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const context = await browser.newContext({
  baseURL: base, locale: "en-GB", timezoneId: "Europe/London",
  storageState: scenario.startsWith("after") ? statePath : undefined,
});
context.setDefaultTimeout(30_000);
const page = await context.newPage();

const status = page.locator(".save-status");
const heading = page.locator("#step-heading");
const interactive = () => page.locator("main[data-interactive='yes']").waitFor();
const savedCount = async () => Number((await status.getAttribute("data-answers-saved")) ?? "0");

async function openQuestions() {
  await page.goto("plan/questions");
  await interactive();
  await heading.waitFor();
}

// Gives one answer and waits until the status line says it is saved (or, with expectSaved false, that it is not).
async function give(action, expectSaved = true, timeout = 45_000) {
  const before = await savedCount();
  await action();
  if (expectSaved) {
    await page.waitForFunction((n) => Number(document.querySelector(".save-status")?.dataset.answersSaved) > n, before, { timeout });
  } else {
    // First the slow-save line (after 2 s), then, once the app's retries are spent, the failure.
    await page.waitForFunction(() => /taking longer than usual/i.test(document.querySelector(".save-status")?.textContent ?? ""), null, { timeout: 10_000 });
    await page.waitForFunction(() => /could not save/i.test(document.querySelector(".save-status")?.textContent ?? ""), null, { timeout });
  }
}

const choose = (id, expectSaved) => give(() => page.locator(`#${id}`).check(), expectSaved);
const fill = (id, value, expectSaved) => give(async () => { await page.locator(`#${id}`).fill(value); await page.locator(`#${id}`).blur(); }, expectSaved);

async function next(expected) {
  await page.getByRole("button", { name: "Next" }).click();
  await page.waitForFunction((t) => document.querySelector("#step-heading")?.textContent?.trim() === t, expected);
}

async function answerFrom(step) {
  const steps = ["About you", "Everyday habits", "Health and medicines", "When would you like to start?"];
  for (const s of steps.slice(steps.indexOf(step))) {
    if ((await heading.textContent()).trim() !== s) await next(s);
    if (s === "About you") { await fill("age", "34"); await choose("skinSensitivity-Normal"); }
    if (s === "Everyday habits") for (const id of ["smoking-Never", "sunExposure-Moderate", "dailySunscreen-True", "skincareRoutine-Basic", "alcohol-None", "sleepAndNutrition-Good"]) await choose(id);
    if (s === "Health and medicines") await choose("usedHomeDevice-False");
    if (s === "When would you like to start?") {
      const start = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await fill("preferredStartDate", start);
    }
  }
}

async function seePlanRegisterAndOpenSend() {
  await page.getByRole("button", { name: "See my plan" }).click();
  await page.waitForURL(/\/plan$/);
  await page.getByRole("link", { name: "Send my plan to the clinic" }).click();
  await page.waitForURL(/\/Account\/Login/);
  await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await page.getByRole("heading", { level: 1, name: "Create an account" }).waitFor();
  const email = `fault-${Date.now()}@planner.test`;
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.locator("#confirm-link").click();
  await page.waitForURL(/\/plan\/send$/);
  await interactive();
  await page.getByLabel("I agree that the clinic may see").check();
  await page.getByLabel("Your name").fill("Fault Script");
  return email;
}

const reference$ = () => page.getByTestId("reference");

if (scenario === "database") {
  await openQuestions();
  await attempt("first answers saved with the database up", async () => {
    await choose("concerns-AcneScars");
    await next("Your acne scars");
    await choose("acneScarTypes-Boxcar");
  });

  console.log("# stopping PostgreSQL in the middle of the questionnaire");
  run(process.env.STOP_DB);
  const downAt = Date.now();
  await attempt("an answer given while the database is down: the save line says it is slow, then that it could not save", async () => {
    await choose("acneScarSeverity-Moderate", false);
    console.log(`# message after ${((Date.now() - downAt) / 1000).toFixed(1)} s: "${(await status.textContent()).trim()}"`);
  });
  await attempt("the answer stays on the page", async () => {
    if (!(await page.locator("#acneScarSeverity-Moderate").isChecked())) throw new Error("the radio is no longer checked");
  });
  await attempt("the next topic opens and its answer gets the same message; nothing given is dropped", async () => {
    await next("About you");
    await fill("age", "41", false);
  });

  console.log("# starting PostgreSQL again");
  run(process.env.START_DB);
  await attempt("the next answer saves everything given during the outage", async () => {
    await choose("skinSensitivity-Normal");
  });
  await attempt("after a reload the answers given during the outage are there", async () => {
    await openQuestions();
    if ((await heading.textContent()).trim() !== "About you") throw new Error(`resumed on "${await heading.textContent()}"`);
    if ((await page.locator("#age").inputValue()) !== "41") throw new Error(`age is "${await page.locator("#age").inputValue()}"`);
    await page.getByRole("button", { name: "Back" }).click();
    await page.waitForFunction(() => document.querySelector("#step-heading")?.textContent?.trim() === "Your acne scars");
    if (!(await page.locator("#acneScarSeverity-Moderate").isChecked())) throw new Error("the severity given during the outage is missing");
    await next("About you");
  });

  await attempt("the questionnaire is finished, the plan shown, an account made", async () => {
    await answerFrom("Everyday habits");
    await seePlanRegisterAndOpenSend();
  });

  console.log("# stopping PostgreSQL before the plan is sent; it stays down past the app's retries (about 17 s)");
  run(process.env.STOP_DB);
  await page.getByRole("button", { name: "Send my plan" }).click();
  await attempt("the send fails with a plain message beside the button, and the form keeps what was entered", async () => {
    await page.locator(".send-failure").waitFor({ timeout: 60_000 });
    console.log(`# message: "${(await page.locator(".send-failure").textContent()).trim()}"`);
    if (!(await page.getByLabel("I agree that the clinic may see").isChecked())) throw new Error("consent box cleared");
    if ((await page.getByLabel("Your name").inputValue()) !== "Fault Script") throw new Error("name cleared");
  });

  console.log("# starting PostgreSQL again, then stopping it once more while the second press is in flight");
  run(process.env.START_DB);
  run(process.env.STOP_DB);
  await page.getByRole("button", { name: "Send my plan" }).click();
  await page.waitForTimeout(3_000);
  run(process.env.START_DB);
  await attempt("the press in flight completes once the database is back, with a reference", async () => {
    await reference$().waitFor({ timeout: 60_000 });
    const text = await reference$().textContent();
    console.log(`REFERENCE ${text}`);
  });
} else if (scenario === "before-kill") {
  await openQuestions();
  await attempt("answers given and saved before the kill", async () => {
    await choose("concerns-AcneScars");
    await next("Your acne scars");
    await choose("acneScarTypes-Boxcar");
    await choose("acneScarSeverity-Severe");
    await next("About you");
    await fill("age", "52");
    await choose("skinSensitivity-Normal");
  });
} else if (scenario === "after-kill") {
  await attempt("after the restart the questionnaire resumes with every answer", async () => {
    await openQuestions();
    if ((await heading.textContent()).trim() !== "About you") throw new Error(`resumed on "${await heading.textContent()}"`);
    if ((await page.locator("#age").inputValue()) !== "52") throw new Error(`age is "${await page.locator("#age").inputValue()}"`);
    await page.getByRole("button", { name: "Back" }).click();
    await page.waitForFunction(() => document.querySelector("#step-heading")?.textContent?.trim() === "Your acne scars");
    if (!(await page.locator("#acneScarSeverity-Severe").isChecked())) throw new Error("severity missing");
    await next("About you");
  });
  await attempt("the questionnaire is finished, the plan shown, an account made", async () => {
    await answerFrom("Everyday habits");
    await seePlanRegisterAndOpenSend();
  });
  await page.getByRole("button", { name: "Send my plan" }).click();
  await attempt("the plan is sent", async () => {
    await reference$().waitFor();
    console.log(`REFERENCE ${await reference$().textContent()}`);
  });
} else if (scenario === "after-second-kill") {
  await attempt("after the second restart My plans lists the sent plan once", async () => {
    await page.goto("my-plans");
    if (/\/Account\/Login/.test(page.url())) throw new Error("signed out by the restart");
    await interactive();
    const rows = page.locator(".my-plans tbody tr", { hasText: reference });
    await rows.first().waitFor();
    const count = await rows.count();
    if (count !== 1) throw new Error(`${count} rows`);
  });
} else {
  console.error(`Unknown scenario ${scenario}`);
  failed++;
}

if (statePath && !scenario.startsWith("after-second")) writeFileSync(statePath, JSON.stringify(await context.storageState()));
await browser.close();
process.exit(failed);
