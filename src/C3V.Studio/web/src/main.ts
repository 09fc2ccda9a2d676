// The studio page: projects on the left (with a new-generation form), the open project on the right — progress,
// plan, placement, 4D scene, one-concept edits, render, downloads and transcripts.

import "./style.css";
import { api, ApiFailure, fileUrl, JobInfo, ProjectDetail, ProjectListItem, projectUrl, SceneView } from "./api";
import { clear, h, select } from "./dom";
import { followJob } from "./progress";
import { planForm } from "./planForm";
import { placementView } from "./placement";
import { closeViewer, sceneViewer } from "./viewer";

const app = document.getElementById("app")!;
const list = h("ul", { class: "projects", "data-testid": "projects" });
const progress = h("section", { class: "panel", "data-testid": "progress" });
const main = h("main", { "data-testid": "project" }, h("p", { class: "hint" }, "Open a project, or generate one."));
let openName: string | null = null;

function generateForm(): HTMLElement {
  const prompt = h("textarea", { name: "prompt", rows: 3, "data-testid": "prompt", placeholder: "a robot walks to the tree while a woman dances" });
  const llm = h("input", { name: "llm", type: "text", placeholder: "rules (or openai:MODEL@URL, ollama:MODEL…)", "data-testid": "llm" });
  const duration = h("input", { name: "duration", type: "text", placeholder: "natural", "data-testid": "duration" });
  const size = h("input", { name: "size", type: "text", value: "512x512", "data-testid": "size" });
  const fps = h("input", { name: "fps", type: "text", value: "24", "data-testid": "fps" });
  const seed = h("input", { name: "seed", type: "text", value: "1" });
  const camera = select("camera", ["static", "orbit", "dolly", "follow", "crane"], "static", "camera");
  const quality = select("quality", ["final", "draft"], "final", "quality");
  const error = h("p", { class: "error", "data-testid": "generate-error" });
  const submit = async (e: Event) => {
    e.preventDefault();
    error.textContent = "";
    const [w, hh] = size.value.toLowerCase().split("x").map(Number);
    try {
      const job = await api<JobInfo>("POST", "/api/jobs", {
        prompt: prompt.value, llm: llm.value || null, width: w, height: hh, fps: Number(fps.value), seed: Number(seed.value),
        duration: duration.value ? Number(duration.value) : null, camera: camera.value, quality: quality.value,
      });
      openName = job.project;
      track(job);
    } catch (x) { error.textContent = (x as ApiFailure).message; }
  };
  return h("form", { class: "generate", onsubmit: submit }, h("h2", {}, "New video"), prompt,
    h("label", {}, "director ", llm), h("label", {}, "length (s) ", duration), h("label", {}, "size ", size), h("label", {}, "fps ", fps),
    h("label", {}, "seed ", seed), h("label", {}, "camera ", camera), h("label", {}, "quality ", quality),
    h("button", { type: "submit", "data-testid": "generate" }, "Generate"), error);
}

function track(job: JobInfo) {
  followJob(progress, job, async final => {
    await refreshList();
    if (final.state === "done" || openName === final.project) await openProject(final.project);
  });
}

async function refreshList() {
  const items = await api<ProjectListItem[]>("GET", "/api/projects");
  clear(list, ...items.map(p => h("li", { "data-name": p.name },
    h("a", { href: `#${encodeURIComponent(p.name)}`, onclick: (e: Event) => { e.preventDefault(); void openProject(p.name); } }, p.name),
    h("small", {}, p.problem ?? p.prompt), p.job ? h("em", {}, " (busy)") : null)));
}

async function openProject(name: string) {
  closeViewer();
  openName = name;
  history.replaceState(null, "", `#${encodeURIComponent(name)}`);
  let detail: ProjectDetail;
  try { detail = await api<ProjectDetail>("GET", projectUrl(name)); }
  catch (e) { clear(main, h("p", { class: "error", "data-testid": "project-error" }, (e as ApiFailure).message)); return; }
  const p = detail.project;
  const plan = h("section", { class: "panel", "data-testid": "plan" });
  const placement = h("section", { class: "panel", "data-testid": "placement" });
  const viewer = h("section", { class: "panel", "data-testid": "viewer" });
  const edit = h("section", { class: "panel", "data-testid": "edit" });
  const render = h("section", { class: "panel", "data-testid": "render" });
  const transcripts = h("section", { class: "panel", "data-testid": "transcripts" });
  const last = p.history.length ? p.history[p.history.length - 1] : null;
  clear(main, h("h2", { "data-testid": "project-name" }, name), h("p", { class: "prompt" }, `“${p.prompt}”`),
    last ? h("p", { class: "hint", "data-testid": "last-change" }, `last run: ${last.verb}${last.change ? ` (${last.change})` : ""}; recomputed ${last.recomputed.join(", ") || "nothing"}; reused ${last.reused.join(", ") || "nothing"}`) : null,
    h("div", { class: "actions" },
      h("button", { "data-testid": "duplicate", onclick: () => void duplicate(name) }, "Duplicate"),
      h("button", { "data-testid": "delete", onclick: () => void remove(name) }, "Delete")),
    render, viewer, placement, plan, edit, transcripts);
  planForm(plan, name, p.plan, track);
  editPanel(edit, name, detail);
  renderPanel(render, name, detail);
  transcriptPanel(transcripts, name, detail);
  if (detail.job) { track(await api<JobInfo>("GET", `/api/jobs/${detail.job}`)); return; }
  // The project's last job (this run of the server or an earlier one: a restart shows it as interrupted), unless
  // the progress panel already shows it.
  if (detail.lastJob && progress.dataset.job !== detail.lastJob.id) followJob(progress, detail.lastJob, () => {});
  let view: SceneView | null = null;
  try { view = await api<SceneView>("GET", `${projectUrl(name)}/view`); }
  catch (e) { clear(viewer, h("p", { class: "error" }, (e as ApiFailure).message)); }
  placementView(placement, name, detail.files.reference, p.placement?.placements ?? [], view, track);
  if (!view) return;
  // The 3D view can be switched off (remembered): software WebGL on a machine without a GPU is slow.
  const show = async () => { await sceneViewer(viewer, name, view).catch(e => clear(viewer, h("p", { class: "error" }, `the 3D view failed: ${e}`))); };
  if (localStorage.getItem("c3v.viewer") === "off") {
    clear(viewer, h("h3", {}, "4D scene"), h("button", { "data-testid": "show-viewer", onclick: () => { localStorage.removeItem("c3v.viewer"); void show(); } }, "Show the 3D view"));
  } else {
    await show();
    viewer.querySelector("h3")?.append(" ", h("button", { class: "small", onclick: () => { localStorage.setItem("c3v.viewer", "off"); void openProject(name); } }, "hide"));
  }
}

function editPanel(panel: HTMLElement, name: string, detail: ProjectDetail) {
  const kind = select("kind", ["motion", "object", "scene", "camera"], "motion", "edit-kind");
  const actor = select("actor", detail.project.plan.actors.map(a => a.id), detail.project.plan.actors[0]?.id ?? "", "edit-actor");
  const value = h("input", { type: "text", "data-testid": "edit-value", placeholder: "e.g. playing kung fu / a warlock / a desert city / orbit" });
  const error = h("p", { class: "error", "data-testid": "edit-error" });
  const go = async () => {
    error.textContent = "";
    const body: Record<string, string> = { [kind.value]: value.value };
    if (kind.value === "motion" || kind.value === "object") body.actor = actor.value;
    try { track(await api<JobInfo>("POST", `${projectUrl(name)}/edit`, body)); } catch (e) { error.textContent = (e as ApiFailure).message; }
  };
  clear(panel, h("h3", {}, "Change one concept"), h("p", { class: "hint" }, "motion or look of an actor, the scene, or the camera path; the rest is kept."),
    kind, actor, value, h("button", { "data-testid": "apply-edit", onclick: () => void go() }, "Apply"), error);
}

function renderPanel(panel: HTMLElement, name: string, detail: ProjectDetail) {
  const f = detail.files;
  const camera = select("camera", ["static", "orbit", "dolly", "follow", "crane"], detail.project.settings.camera, "render-camera-select");
  const error = h("p", { class: "error" });
  const video = f.video
    ? f.video.endsWith(".mp4")
      ? h("video", { src: fileUrl(name, f.video) + `?v=${Date.now()}`, controls: true, loop: true, "data-testid": "video", class: "video" })
      : h("img", { src: fileUrl(name, f.video) + `?v=${Date.now()}`, "data-testid": "video", class: "video" })
    : h("p", {}, "not rendered yet");
  const link = (label: string, href: string | undefined, testid: string) => href ? h("a", { href, download: "", "data-testid": testid }, label) : null;
  clear(panel, h("h3", {}, "Video"), video,
    h("div", { class: "actions" }, camera,
      h("button", { "data-testid": "render", onclick: async () => {
        try { track(await api<JobInfo>("POST", `${projectUrl(name)}/render`, { camera: camera.value })); } catch (e) { error.textContent = (e as ApiFailure).message; }
      } }, "Render"),
      h("button", { "data-testid": "export", onclick: async () => {
        try { track(await api<JobInfo>("POST", `${projectUrl(name)}/export`, { format: "spz" })); } catch (e) { error.textContent = (e as ApiFailure).message; }
      } }, "Export per-frame splats")),
    h("div", { class: "downloads", "data-testid": "downloads" },
      link("video", f.video && fileUrl(name, f.video), "download-video"),
      link("contact sheet", f.contactSheet && fileUrl(name, f.contactSheet), "download-sheet"),
      link("annotations", f.annotations && fileUrl(name, f.annotations), "download-annotations"),
      link("per-frame splats (.zip)", f.frames && `${projectUrl(name)}/download/frames-spz.zip`, "download-frames")),
    error);
}

function transcriptPanel(panel: HTMLElement, name: string, detail: ProjectDetail) {
  const body = h("div", {});
  clear(panel, h("h3", {}, `Director's transcripts (${detail.transcripts.length})`), body);
  if (detail.transcripts.length === 0) return;
  const load = h("button", { "data-testid": "load-transcripts", onclick: async () => {
    const items = await api<{ name: string; text: string }[]>("GET", `${projectUrl(name)}/transcripts`);
    clear(body, ...items.map(t => h("details", {}, h("summary", {}, t.name), h("pre", {}, t.text))));
  } }, "Show");
  body.append(load);
}

async function duplicate(name: string) {
  const copy = prompt("Name of the copy", `${name}-copy`);
  if (!copy) return;
  try { await api("POST", `${projectUrl(name)}/duplicate`, { name: copy }); await refreshList(); await openProject(copy); }
  catch (e) { alert((e as ApiFailure).message); }
}

async function remove(name: string) {
  if (!confirm(`Delete project ${name}? This cannot be undone.`)) return;
  try { await api("DELETE", `${projectUrl(name)}?confirm=true`); clear(main, h("p", {}, `${name} deleted`)); await refreshList(); }
  catch (e) { alert((e as ApiFailure).message); }
}

async function start() {
  clear(app, h("header", {}, h("h1", {}, "C3V studio"), h("a", { href: "/openapi/v1.json" }, "API")),
    h("div", { class: "layout" }, h("aside", {}, generateForm(), h("h2", {}, "Projects"), list), h("div", { class: "right" }, progress, main)));
  await refreshList();
  // A job started earlier (even from a closed tab) is followed again.
  const jobs = await api<JobInfo[]>("GET", "/api/jobs");
  const active = jobs.find(j => j.state === "running" || j.state === "queued");
  const hash = decodeURIComponent(location.hash.slice(1));
  if (active) { openName = active.project; track(active); }
  else if (hash) await openProject(hash);
}

void start();
