// The studio's JSON API (described at /openapi/v1.json): one fetch wrapper that turns every error into ApiFailure.

export interface ApiErrorBody { error: string; field?: string | null; job?: string | null }

export class ApiFailure extends Error {
  constructor(public status: number, public body: ApiErrorBody) { super(body.error); }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: {} };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
  }
  const res = await fetch(path, init);
  const text = await res.text();
  let parsed: unknown = null;
  try { parsed = text.length ? JSON.parse(text) : null; } catch { parsed = null; }
  if (!res.ok) {
    const err = (parsed as ApiErrorBody | null)?.error ? (parsed as ApiErrorBody) : { error: `${res.status} ${res.statusText}` };
    throw new ApiFailure(res.status, err);
  }
  return parsed as T;
}

export type JobState = "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted";

export interface RunSummary { video?: string; frames: number; reused: string[]; recomputed: string[]; warnings: string[]; seconds: number }

export interface JobInfo {
  id: string; kind: string; project: string; description: string; state: JobState; position: number;
  error?: string | null; summary?: RunSummary | null;
}

export interface JobEvent { seq: number; type: string; stage?: string; text?: string; done?: number; total?: number; reused?: boolean; position: number }

export interface ProjectListItem { name: string; prompt: string; actors: number; video?: string; job?: string; problem?: string }

export type Box = [number, number, number, number];

export interface Placement {
  actorId: string; referenceView: string; viewWidth: number; viewHeight: number; scale: number;
  start: Box; end: Box; waypoints: Box[]; producer: string; answers?: unknown[]; warnings?: string[];
}

export interface ActorPlan {
  id: string; description: string; category: string; heightMeters: number; order: number;
  motion: { description: string; travels: boolean; path: string };
  [key: string]: unknown;
}

export interface ScenePlan {
  version: number; prompt: string; scene: { description: string; landmarks: string[] };
  actors: ActorPlan[]; durationSeconds: number; fps: number; width: number; height: number; camera: string;
  [key: string]: unknown;
}

export interface ProjectDetail {
  name: string;
  project: {
    prompt: string; settings: { width: number; height: number; camera: string; fps: number; durationSeconds?: number | null; llm: string };
    plan: ScenePlan; placement?: { placements: Placement[] }; history: { verb: string; change?: string; reused: string[]; recomputed: string[] }[];
    render?: { file: string; frames: number; fps: number };
  };
  files: { video?: string; contactSheet?: string; reference?: string; annotations?: string; frames?: string };
  transcripts: string[];
  job?: string | null;
  lastJob?: JobInfo | null;
}

export interface ViewCamera { position: number[]; r: number[]; fovYDegrees: number; width: number; height: number; fx: number; fy: number; cx: number; cy: number }

export interface SceneView {
  frames: number; fps: number; sceneSplats: number; actorSplats: number; background: number[];
  reference: ViewCamera; renderCameras: ViewCamera[];
  actors: { id: string; height: number; splats: number; path: number[][]; liftedPixels: number[][] }[];
  /** Joints a skeleton has, and floats per actor per frame of the rig (/splats/rig.bin). */
  bones: number; rigFloats: number;
  version: string;
}

export const projectUrl = (name: string) => `/api/projects/${encodeURIComponent(name)}`;
export const fileUrl = (name: string, rel: string) => `${projectUrl(name)}/files/${rel.split("/").map(encodeURIComponent).join("/")}`;
