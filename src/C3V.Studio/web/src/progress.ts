// Follows a job with server-sent events: one row per stage (detail, bar, figures, reused), warnings, queue position, cancel.

import { api, JobEvent, JobInfo } from "./api";
import { clear, h } from "./dom";

export function followJob(panel: HTMLElement, job: JobInfo, onEnd: (job: JobInfo) => void): void {
  const stages = new Map<string, { row: HTMLElement; bar: HTMLProgressElement; text: HTMLElement; detail: string }>();
  const status = h("div", { class: "status", "data-testid": "job-status" }, `${job.description}: ${job.state}`);
  const list = h("div", { class: "stages", "data-testid": "stages" });
  const warnings = h("ul", { class: "warnings" });
  const cancel = h("button", { "data-testid": "cancel", onclick: () => { void api("DELETE", `/api/jobs/${job.id}`); } }, "Cancel");
  clear(panel, h("h3", {}, "Progress"), status, list, warnings, cancel);
  panel.dataset.job = job.id;
  delete panel.dataset.position;
  panel.dataset.state = job.state;

  const source = new EventSource(`/api/jobs/${job.id}/events`);
  const stage = (name: string) => {
    let s = stages.get(name);
    if (!s) {
      const bar = h("progress", { max: 1, value: 0 });
      const text = h("span", { class: "detail" });
      const row = h("div", { class: "stage", "data-stage": name }, h("b", {}, name), bar, text);
      list.append(row);
      s = { row, bar, text, detail: "" };
      stages.set(name, s);
    }
    return s;
  };
  const on = (type: string, fn: (e: JobEvent) => void) => source.addEventListener(type, ev => fn(JSON.parse((ev as MessageEvent).data) as JobEvent));
  const waiting = (e: JobEvent) => {
    status.textContent = `${job.description}: waiting, place ${e.position} in the queue`;
    panel.dataset.state = "queued";
    panel.dataset.position = String(e.position);
  };
  on("queued", waiting);
  on("position", waiting);
  on("running", () => { status.textContent = `${job.description}: running`; panel.dataset.state = "running"; delete panel.dataset.position; });
  on("started", e => { const s = stage(e.stage!); s.detail = e.text ?? ""; s.text.textContent = s.detail; s.bar.removeAttribute("value"); s.row.dataset.state = "running"; });
  on("progress", e => { const s = stage(e.stage!); s.bar.max = e.total ?? 1; s.bar.value = e.done ?? 0; s.text.textContent = `${e.done}/${e.total}`; });
  on("finished", e => {
    const s = stage(e.stage!);
    s.bar.max = 1; s.bar.value = 1;
    // What the stage was about (its figures: actors, scene, frames…) stays beside its outcome.
    const text = e.text ?? "";
    const outcome = e.reused && !text.includes("reused") ? `${text} (reused)` : text;
    s.text.textContent = s.detail && s.detail !== text ? `${s.detail} · ${outcome}` : outcome;
    s.row.dataset.state = e.reused ? "reused" : "done";
  });
  on("warning", e => warnings.append(h("li", {}, e.text ?? "")));
  const end = async () => {
    source.close();
    cancel.remove();
    const final = await api<JobInfo>("GET", `/api/jobs/${job.id}`);
    panel.dataset.state = final.state;
    // Errors that start with the state ("cancelled: …", "interrupted: …") are not prefixed with it again.
    const ending = !final.error ? final.state : final.error.startsWith(final.state) ? final.error : `${final.state} — ${final.error}`;
    status.textContent = `${job.description}: ${ending}`;
    if (final.summary) {
      panel.append(h("p", { class: "summary", "data-testid": "job-summary" },
        `done in ${final.summary.seconds.toFixed(1)} s. Recomputed: ${final.summary.recomputed.join(", ") || "nothing"}. Reused: ${final.summary.reused.join(", ") || "nothing"}.`));
    }
    onEnd(final);
  };
  for (const t of ["done", "failed", "cancelled", "interrupted"]) source.addEventListener(t, () => { void end(); });
}
