// The composed 4D scene in 3D: the scene's splats once, each actor once in its rest pose with its skin, posed on the
// GPU from every frame's joint transforms (the rig, one small download; see skinning.ts), drawn by Spark on three.js. Orbit/pan/zoom, a timeline (play, pause, scrub), the render camera's path as a curve, each
// actor's path on the ground, and a button to look through the render camera.

import * as THREE from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { SparkRenderer, SplatFileType, SplatMesh } from "@sparkjsdev/spark";
import { projectUrl, SceneView, ViewCamera } from "./api";
import { clear, h } from "./dom";
import { SkinnedActor } from "./skinning";

/** What the page measured: load times, the drawing rate over the last second, and running counts for benchmarks. */
export interface ViewerStats { sceneMs: number; actorsMs: number; readyMs: number; fps: number; drawn: number; shown: number }

let current: { dispose: () => void } | null = null;

/** Stops the open 3D view (its render loop and GPU buffers), if any. */
export function closeViewer(): void {
  current?.dispose();
  current = null;
}

export async function sceneViewer(panel: HTMLElement, name: string, view: SceneView): Promise<void> {
  closeViewer();
  const canvas = h("canvas", { "data-testid": "viewer-canvas", class: "viewer" });
  const slider = h("input", { type: "range", min: 0, max: view.frames - 1, value: 0, step: 1, "data-testid": "timeline" });
  const play = h("button", { "data-testid": "play" }, "Play");
  const through = h("button", { "data-testid": "render-camera" }, "View through render camera");
  const label = h("span", { "data-testid": "frame-label" }, "");
  // Drawing resolution (a user setting, remembered): software WebGL without a GPU is slow at full size.
  const scale = Number(localStorage.getItem("c3v.viewerScale") ?? "1");
  const resolution = h("select", { "data-testid": "viewer-scale", title: "3D drawing resolution" },
    ...[["1", "full"], ["0.5", "half"], ["0.25", "quarter"]].map(([v, t]) => h("option", { value: v }, t)));
  resolution.value = String(scale);
  resolution.addEventListener("change", () => {
    localStorage.setItem("c3v.viewerScale", resolution.value);
    renderer.setPixelRatio(Number(resolution.value));
    renderer.setSize(width, height, false);
    invalidate();
  });
  const info = h("p", { class: "hint", "data-testid": "viewer-info" }, `loading ${view.sceneSplats.toLocaleString()} scene splats and ${view.actorSplats.toLocaleString()} actor splats…`);
  clear(panel, h("h3", {}, "4D scene"), canvas, h("div", { class: "timeline" }, play, slider, label, through, resolution), info);
  panel.dataset.ready = "false";

  const width = 640, height = 400;
  let frame = 0, playing = false, viewThrough = false, needsDraw = false;
  const invalidate = () => { needsDraw = true; };
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: false, preserveDrawingBuffer: true });
  renderer.setPixelRatio(scale > 0 && scale <= 1 ? scale : 1);
  renderer.setSize(width, height, false);
  renderer.setClearColor(new THREE.Color(view.background[0], view.background[1], view.background[2]));
  const scene = new THREE.Scene();
  // Spark sorts and swaps in newly generated splats in the background; it calls onDirty when the page must draw again.
  const spark = new SparkRenderer({ renderer, onDirty: invalidate });
  scene.add(spark);
  const camera = new THREE.PerspectiveCamera(50, width / height, 0.05, 500);
  const controls = new OrbitControls(camera, canvas);
  controls.addEventListener("change", invalidate);
  place(camera, view.reference);
  // Orbit around the middle of the action.
  const centre = new THREE.Vector3();
  let n = 0;
  for (const a of view.actors) for (const p of a.path) { centre.add(new THREE.Vector3(p[0], p[1], p[2])); n++; }
  if (n) centre.divideScalar(n);
  controls.target.copy(centre);
  controls.update();

  // Curves: the render camera's path (white) and each actor's path (orange), with a marker for the camera at the frame.
  const cameraPath = view.renderCameras.map(c => new THREE.Vector3(c.position[0], c.position[1], c.position[2]));
  if (cameraPath.length > 1 && cameraPath[0].distanceTo(cameraPath[cameraPath.length - 1]) + cameraPath[0].distanceTo(cameraPath[cameraPath.length >> 1]) > 1e-3)
    scene.add(new THREE.Line(new THREE.BufferGeometry().setFromPoints(cameraPath), new THREE.LineBasicMaterial({ color: 0xffffff })));
  const marker = new THREE.Mesh(new THREE.SphereGeometry(0.08), new THREE.MeshBasicMaterial({ color: 0xffffff }));
  scene.add(marker);
  for (const a of view.actors)
    scene.add(new THREE.Line(new THREE.BufferGeometry().setFromPoints(a.path.map(p => new THREE.Vector3(p[0], p[1] + 0.02, p[2]))), new THREE.LineBasicMaterial({ color: 0xff7a00 })));

  // Everything at once: the scene, each actor's rest splats and skin, and the rig of every frame.
  const t0 = performance.now();
  const bytes = async (path: string) => {
    const res = await fetch(`${projectUrl(name)}/splats/${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${res.statusText}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  let sceneMs = 0;
  const sceneLoad = bytes("scene.splat").then(async b => {
    const mesh = new SplatMesh({ fileBytes: b, fileType: SplatFileType.SPLAT });
    await mesh.initialized;
    sceneMs = performance.now() - t0;
    return mesh;
  });
  const actorLoads = view.actors.map(async a => {
    const id = encodeURIComponent(a.id);
    const [rest, skin] = await Promise.all([bytes(`rest/${id}.splat`), bytes(`skin/${id}.bin`)]);
    const actor = new SkinnedActor(rest, skin, a.splats, view.bones);
    await actor.mesh.initialized;
    return actor;
  });
  const rigLoad = bytes("rig.bin").then(b => new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4));
  const [sceneMesh, actors, rig] = await Promise.all([sceneLoad, Promise.all(actorLoads), rigLoad]);
  if (rig.length !== view.frames * view.actors.length * view.rigFloats)
    throw new Error(`the rig has ${rig.length} floats, not ${view.frames} frames × ${view.actors.length} actors × ${view.rigFloats}`);
  scene.add(sceneMesh);
  for (const a of actors) scene.add(a.mesh);
  const actorsMs = performance.now() - t0;
  let playStart = 0, rendered = 0, fpsStart = performance.now(), fps = 0, drawn = 0, shown = 0;
  const show = (f: number) => {
    frame = f;
    const stride = view.actors.length * view.rigFloats;
    actors.forEach((a, i) => a.pose(rig.subarray(f * stride + i * view.rigFloats, f * stride + (i + 1) * view.rigFloats)));
    slider.value = String(f);
    label.textContent = `frame ${f + 1}/${view.frames} · ${(f / view.fps).toFixed(2)} s`;
    const c = view.renderCameras[f];
    marker.position.set(c.position[0], c.position[1], c.position[2]);
    if (viewThrough) place(camera, c);
    invalidate();
  };
  show(0);
  slider.addEventListener("input", () => { playing = false; play.textContent = "Play"; show(Number(slider.value)); });
  play.addEventListener("click", () => {
    playing = !playing;
    play.textContent = playing ? "Pause" : "Play";
    playStart = performance.now() - frame / view.fps * 1000;
    invalidate();
  });
  through.addEventListener("click", () => {
    viewThrough = !viewThrough;
    through.textContent = viewThrough ? "Free camera" : "View through render camera";
    controls.enabled = !viewThrough;
    marker.visible = !viewThrough;
    if (viewThrough) place(camera, view.renderCameras[frame]);
    else { camera.fov = 50; camera.aspect = width / height; camera.updateProjectionMatrix(); controls.update(); }
    invalidate();
  });

  let alive = true;
  const loop = () => {
    if (!alive) return;
    if (playing) {
      const f = Math.floor((performance.now() - playStart) / 1000 * view.fps) % view.frames;
      if (f !== frame) { show(f); shown++; }
    }
    if (!viewThrough) controls.update();
    // Drawn on demand (software GL would otherwise hold the page's thread): after a change (a new clip frame, the
    // camera moved) and when Spark says a background sort has finished (it then shows the re-sorted splats).
    if (needsDraw) {
      renderer.render(scene, camera);
      needsDraw = false;
      rendered++;
      drawn++;
    }
    const now = performance.now();
    if (now - fpsStart > 1000) { fps = rendered * 1000 / (now - fpsStart); rendered = 0; fpsStart = now; }
    canvas.dataset.frame = String(frame);
    canvas.dataset.idle = String(!playing && !needsDraw && !spark.sorting && !spark.sortDirty);
    requestAnimationFrame(loop);
  };
  loop();

  info.textContent = `${view.sceneSplats.toLocaleString()} scene splats in ${sceneMs.toFixed(0)} ms; ${view.actors.length} actor${view.actors.length === 1 ? "" : "s"} (${view.actorSplats.toLocaleString()} splats, skinned on the GPU) and ${view.frames} frames of their joints in ${actorsMs.toFixed(0)} ms in all.`;
  const readyMs = performance.now(); // since the page's navigation started
  panel.dataset.ready = "true";
  const stats: ViewerStats = {
    get sceneMs() { return sceneMs; }, get actorsMs() { return actorsMs; }, get readyMs() { return readyMs; }, get fps() { return fps; },
    get drawn() { return drawn; }, get shown() { return shown; },
  };
  (window as unknown as { c3vViewer: ViewerStats }).c3vViewer = stats;
  current = {
    dispose: () => {
      alive = false;
      controls.dispose();
      sceneMesh.dispose();
      for (const a of actors) a.dispose();
      renderer.dispose();
    },
  };

  /** Puts the three.js camera where an OpenCV camera is (rows of R: camera x right, y down, z forward); with
   * intrinsics, the projection matches the render's (off-centre principal point of the zoomed shot included). */
  function place(cam: THREE.PerspectiveCamera, c: ViewCamera) {
    const r = c.r;
    const x = new THREE.Vector3(r[0], r[1], r[2]), y = new THREE.Vector3(-r[3], -r[4], -r[5]), z = new THREE.Vector3(-r[6], -r[7], -r[8]);
    cam.position.set(c.position[0], c.position[1], c.position[2]);
    cam.quaternion.setFromRotationMatrix(new THREE.Matrix4().makeBasis(x, y, z));
    if (cam === camera && viewThrough) {
      // Fit the render's height into the canvas; square pixels; principal point moved with the scale.
      const s = height / c.height;
      const fx = c.fy * s, fy = c.fy * s, cx = width / 2 + (c.cx - c.width / 2) * s, cy = c.cy * s;
      const near = 0.05, far = 500;
      cam.projectionMatrix.set(
        2 * fx / width, 0, 1 - 2 * cx / width, 0,
        0, 2 * fy / height, 2 * cy / height - 1, 0,
        0, 0, -(far + near) / (far - near), -2 * far * near / (far - near),
        0, 0, -1, 0);
      cam.projectionMatrixInverse.copy(cam.projectionMatrix).invert();
    } else {
      cam.fov = c.fovYDegrees;
      cam.updateProjectionMatrix();
    }
    cam.updateMatrixWorld(true);
  }
}
