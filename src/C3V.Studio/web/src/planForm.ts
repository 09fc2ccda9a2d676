// The plan as a form: scene, length, and each actor's look, kind, height, motion, path and order. Applying sends the
// whole plan; a refusal names the field, and the message appears next to that field.

import { ActorPlan, api, ApiFailure, JobInfo, projectUrl, ScenePlan } from "./api";
import { clear, h, select } from "./dom";

const categories = ["human", "creature", "robot", "animal", "object"];
const paths = ["auto", "straight", "curved", "around", "across", "zigzag", "in-place"];

export function planForm(panel: HTMLElement, name: string, plan: ScenePlan, started: (job: JobInfo) => void): void {
  const edited: ScenePlan = structuredClone(plan);
  const fields: HTMLElement[] = [];
  const field = (label: string, path: string, input: HTMLInputElement | HTMLSelectElement, set: (v: string, checked: boolean) => void) => {
    input.dataset.field = path;
    input.addEventListener("change", () => set(input.value, (input as HTMLInputElement).checked));
    const row = h("label", { class: "field" }, h("span", {}, label), input, h("span", { class: "error", "data-error-for": path }));
    fields.push(row);
    return row;
  };
  const text = (v: string | number) => h("input", { type: "text", value: String(v) });
  const num = (v: number, step = "any") => h("input", { type: "text", inputmode: "decimal", value: String(v), step });
  // Numbers go to the server as typed when they do not parse, so its schema names the field (no silent NaN).
  const asNumber = (v: string): number | string => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v);

  const sceneRows = [
    field("scene", "scene.description", text(edited.scene.description), v => { edited.scene.description = v; }),
    field("length (s)", "durationSeconds", num(edited.durationSeconds), v => { (edited as Record<string, unknown>).durationSeconds = asNumber(v); }),
  ];
  const actorBlocks = edited.actors.map((a: ActorPlan, i: number) => h("fieldset", { class: "actor", "data-actor": a.id },
    h("legend", {}, `actor ${a.id}`),
    field("look", `actors[${i}].description`, text(a.description), v => { a.description = v; }),
    field("kind", `actors[${i}].category`, select("category", categories, a.category), v => { a.category = v; }),
    field("height (m)", `actors[${i}].heightMeters`, num(a.heightMeters), v => { (a as Record<string, unknown>).heightMeters = asNumber(v); }),
    field("motion", `actors[${i}].motion.description`, text(a.motion.description), v => { a.motion.description = v; }),
    field("travels", `actors[${i}].motion.travels`, h("input", { type: "checkbox", checked: a.motion.travels }), (_, c) => { a.motion.travels = c; }),
    field("path", `actors[${i}].motion.path`, select("path", paths, a.motion.path), v => { a.motion.path = v; }),
    field("order", `actors[${i}].order`, num(a.order, "1"), v => { (a as Record<string, unknown>).order = asNumber(v); }),
  ));
  const message = h("p", { class: "error", "data-testid": "plan-error" });
  const raw = h("textarea", { rows: 6, "data-testid": "plan-json", placeholder: "or paste a whole plan as JSON and apply it" });

  const apply = async (body: unknown) => {
    for (const e of panel.querySelectorAll<HTMLElement>(".error")) e.textContent = "";
    try {
      started(await api<JobInfo>("POST", `${projectUrl(name)}/plan`, body));
    } catch (e) {
      const f = e as ApiFailure;
      message.textContent = f.message;
      const at = f.body?.field ? panel.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(f.body.field)}"]`) : null;
      // Beside the field, the message without the field's path ("$.actors[0].heightMeters: …"): the field is right there.
      if (at) at.textContent = f.message.replace(/^\$?\.?[^:\s]*:\s*/, "");
    }
  };
  clear(panel, h("h3", {}, "Plan"), ...sceneRows, ...actorBlocks,
    h("button", { "data-testid": "apply-plan", onclick: () => void apply(edited) }, "Apply plan"),
    h("details", {}, h("summary", {}, "plan JSON"), raw,
      h("button", { "data-testid": "apply-plan-json", onclick: () => void apply(raw.value) }, "Apply JSON")),
    message);
  raw.value = JSON.stringify(plan, null, 2);
}
