// The director's placement over the reference view: each actor's start box (green), end box (red), waypoints (the
// boxes' feet, joined) and the lifted, refined path (orange). Drag a waypoint or a box, then apply: the path is lifted,
// refined and composed again on the server.

import { api, ApiFailure, Box, fileUrl, JobInfo, Placement, projectUrl, SceneView } from "./api";
import { clear, h } from "./dom";

type Grab = { actor: number; kind: "start" | "end" | "waypoint"; index: number; dx: number; dy: number };

const colours = ["#ffb000", "#00c8ff", "#ff4fd8", "#9dff00"];
/** How many waypoints on each side of a dragged one move with it. */
const falloff = 4;

export function placementView(panel: HTMLElement, name: string, reference: string | undefined, placements: Placement[], view: SceneView | null,
  started: (job: JobInfo) => void): void {
  const edited: Placement[] = structuredClone(placements);
  const canvas = h("canvas", { "data-testid": "placement-canvas", class: "placement" });
  const message = h("p", { class: "error", "data-testid": "placement-error" });
  const apply = h("button", { "data-testid": "apply-placement", disabled: true }, "Apply placement");
  clear(panel, h("h3", {}, "Placement"), h("p", { class: "hint" }, "Drag a waypoint (dot: the path bends around it) or a start/end box, then apply: the path is lifted, refined and composed again."), canvas, apply, message);
  if (!reference || edited.length === 0) { panel.append(h("p", {}, "no reference view or placement yet")); return; }
  const w = edited[0].viewWidth, hgt = edited[0].viewHeight;
  const zoom = Math.max(1, Math.floor(512 / Math.max(w, hgt)));
  canvas.width = w * zoom; canvas.height = hgt * zoom;
  const ctx = canvas.getContext("2d")!;
  const img = new Image();
  img.src = fileUrl(name, reference) + `?v=${Date.now()}`;

  const feet = (b: Box): [number, number] => [(b[0] + b[2]) / 2, b[3]];
  const draw = () => {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    ctx.save();
    ctx.scale(zoom, zoom);
    edited.forEach((p, i) => {
      const c = colours[i % colours.length];
      ctx.lineWidth = 1.5 / zoom * 2;
      ctx.strokeStyle = c; ctx.setLineDash([3 / zoom * 2, 3 / zoom * 2]);
      ctx.beginPath(); p.waypoints.forEach((b, k) => { const [x, y] = feet(b); if (k) ctx.lineTo(x, y); else ctx.moveTo(x, y); }); ctx.stroke();
      ctx.setLineDash([]);
      const lifted = view?.actors.find(a => a.id === p.actorId)?.liftedPixels ?? [];
      if (lifted.length > 1) {
        ctx.strokeStyle = "#ff7a00"; ctx.lineWidth = 3 / zoom * 2;
        ctx.beginPath(); lifted.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y))); ctx.stroke();
      }
      for (const [b, col] of [[p.start, "#00d060"], [p.end, "#ff3030"]] as [Box, string][]) {
        ctx.strokeStyle = col; ctx.lineWidth = 2 / zoom * 2; ctx.strokeRect(b[0], b[1], b[2] - b[0], b[3] - b[1]);
      }
      ctx.fillStyle = c;
      p.waypoints.forEach(b => { const [x, y] = feet(b); ctx.beginPath(); ctx.arc(x, y, 3 / zoom * 2, 0, Math.PI * 2); ctx.fill(); });
      ctx.fillStyle = "#fff"; ctx.font = `${12 / zoom * 2}px sans-serif`; ctx.fillText(p.actorId, p.start[0], p.start[1] - 2);
    });
    ctx.restore();
  };
  img.onload = draw;

  const at = (e: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) / r.width * w, (e.clientY - r.top) / r.height * hgt];
  };
  let grab: Grab | null = null;
  canvas.addEventListener("pointerdown", e => {
    const [x, y] = at(e);
    const near = 8 / zoom * 2;
    grab = null;
    edited.forEach((p, i) => p.waypoints.forEach((b, k) => {
      const [fx, fy] = feet(b);
      if (!grab && Math.hypot(fx - x, fy - y) < near && k > 0 && k < p.waypoints.length - 1) grab = { actor: i, kind: "waypoint", index: k, dx: fx - x, dy: fy - y };
    }));
    edited.forEach((p, i) => {
      for (const kind of ["start", "end"] as const) {
        const b = p[kind];
        if (!grab && x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]) grab = { actor: i, kind, index: 0, dx: b[0] - x, dy: b[1] - y };
      }
    });
    if (grab) canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", e => {
    if (!grab) return;
    const [x, y] = at(e);
    const p = edited[grab.actor];
    const move = (b: Box, left: number, top: number): Box => {
      const bw = b[2] - b[0], bh = b[3] - b[1];
      const l = Math.min(Math.max(left, 0), w - bw), t = Math.min(Math.max(top, 0), hgt - bh);
      return [l, t, l + bw, t + bh];
    };
    if (grab.kind === "waypoint") {
      // The path bends: the grabbed waypoint follows the pointer and its neighbours part of the way (a cosine
      // falloff over a few waypoints), so one drag reshapes the path smoothly instead of making a spike that the
      // refinement's smoothness term would flatten again. The start and end boxes stay where they are.
      const k = grab.index, b = p.waypoints[k];
      const [ox, oy] = [(b[0] + b[2]) / 2, b[3]];
      const dx = x + grab.dx - ox, dy = y + grab.dy - oy;
      for (let j = 1; j < p.waypoints.length - 1; j++) {
        const d = Math.abs(j - k);
        if (d > falloff) continue;
        const wgt = 0.5 + 0.5 * Math.cos(Math.PI * d / (falloff + 1));
        const c = p.waypoints[j];
        p.waypoints[j] = move(c, c[0] + dx * wgt, c[1] + dy * wgt);
      }
    } else {
      p[grab.kind] = move(p[grab.kind], x + grab.dx, y + grab.dy);
      p.waypoints[grab.kind === "start" ? 0 : p.waypoints.length - 1] = p[grab.kind];
    }
    apply.disabled = false;
    draw();
  });
  canvas.addEventListener("pointerup", () => { grab = null; });
  apply.addEventListener("click", async () => {
    message.textContent = "";
    try { started(await api<JobInfo>("POST", `${projectUrl(name)}/placement`, { placements: edited })); }
    catch (e) { message.textContent = (e as ApiFailure).message; }
  });
}
