// Actors posed on the GPU: each actor's rest-pose splats are uploaded once with their skin (four joint indices and
// weights a splat), and a Spark object modifier (a dyno shader run when Spark regenerates the mesh's splats) blends
// the current joint transforms per splat. The blend is the library's own (SkinnedCloud): the centre by the weighted
// 3×4 affines (linear blend skinning), the orientation by the normalised weighted joint quaternions. Spark's built-in
// SplatSkinning blends centres by dual quaternions instead, which would not match the CPU render at bent joints.
// The actor's placement (scale, yaw, position) is the mesh's own transform.

import * as THREE from "three";
import { dyno, SplatFileType, SplatMesh, utils } from "@sparkjsdev/spark";

/** Floats per joint in the rig: the rows of the 3×4 skinning affine, then the joint's quaternion (x, y, z, w). */
const BoneFloats = 16;

export class SkinnedActor {
  readonly mesh: SplatMesh;
  private readonly bones: Float32Array;
  private readonly boneTexture: THREE.DataTexture;
  private readonly skinTexture: THREE.DataArrayTexture;

  /**
   * @param rest the actor's splats in its rest pose (.splat bytes)
   * @param skin 4 uint16 a splat, in the rest splats' order: weight·255 in the low byte, joint index in the high byte
   * @param joints the skeleton's joint count
   */
  constructor(rest: Uint8Array, skin: Uint8Array, splats: number, joints: number) {
    if (skin.byteLength !== splats * 8) throw new Error(`the skin has ${skin.byteLength} bytes for ${splats} splats (8 a splat expected)`);
    // The skin texture has the splat textures' layout, so the shader finds a splat's skin with Spark's splatTexCoord.
    const { width, height, depth, maxSplats } = utils.getTextureSize(splats);
    const skinData = new Uint16Array(maxSplats * 4);
    skinData.set(new Uint16Array(skin.buffer, skin.byteOffset, splats * 4));
    this.skinTexture = new THREE.DataArrayTexture(skinData, width, height, depth);
    this.skinTexture.format = THREE.RGBAIntegerFormat;
    this.skinTexture.type = THREE.UnsignedShortType;
    this.skinTexture.internalFormat = "RGBA16UI";
    this.skinTexture.needsUpdate = true;
    // One row of 4 texels a joint: the rig's floats as they come.
    this.bones = new Float32Array(joints * BoneFloats);
    this.boneTexture = new THREE.DataTexture(this.bones, 4, joints, THREE.RGBAFormat, THREE.FloatType);
    this.boneTexture.internalFormat = "RGBA32F";
    this.boneTexture.needsUpdate = true;
    const skinUniform = new dyno.DynoUsampler2DArray({ value: this.skinTexture });
    const boneUniform = new dyno.DynoSampler2D({ value: this.boneTexture });
    const modifier = dyno.dynoBlock({ gsplat: dyno.Gsplat }, { gsplat: dyno.Gsplat }, ({ gsplat }) => ({
      gsplat: new dyno.Dyno({
        inTypes: { gsplat: dyno.Gsplat, skin: "usampler2DArray", bones: "sampler2D" },
        outTypes: { gsplat: dyno.Gsplat },
        inputs: { gsplat, skin: skinUniform, bones: boneUniform },
        statements: ({ inputs, outputs }) => [
          `${outputs.gsplat} = ${inputs.gsplat};`,
          `if (isGsplatActive(${outputs.gsplat}.flags)) {`,
          `  uvec4 influence = texelFetch(${inputs.skin}, splatTexCoord(${outputs.gsplat}.index), 0);`,
          `  vec4 w = vec4(influence & 0xffu);`,
          `  w /= max(w.x + w.y + w.z + w.w, 1.0);`, // 8-bit weights: sum to 1 again
          `  ivec4 joint = ivec4(influence >> 8u);`,
          `  vec4 r0 = vec4(0.0), r1 = vec4(0.0), r2 = vec4(0.0), q = vec4(0.0);`,
          `  for (int k = 0; k < 4; k++) {`,
          `    if (w[k] > 0.0) {`,
          `      r0 += w[k] * texelFetch(${inputs.bones}, ivec2(0, joint[k]), 0);`,
          `      r1 += w[k] * texelFetch(${inputs.bones}, ivec2(1, joint[k]), 0);`,
          `      r2 += w[k] * texelFetch(${inputs.bones}, ivec2(2, joint[k]), 0);`,
          `      q += w[k] * texelFetch(${inputs.bones}, ivec2(3, joint[k]), 0);`,
          `    }`,
          `  }`,
          `  vec4 c = vec4(${outputs.gsplat}.center, 1.0);`,
          `  ${outputs.gsplat}.center = vec3(dot(r0, c), dot(r1, c), dot(r2, c));`,
          `  ${outputs.gsplat}.quaternion = quatQuat(normalize(q), ${outputs.gsplat}.quaternion);`,
          `}`,
        ],
      }).outputs.gsplat,
    }));
    this.mesh = new SplatMesh({ fileBytes: rest, fileType: SplatFileType.SPLAT, objectModifier: modifier });
  }

  /** Poses and places the actor: `rig` holds its joints, then its placement (translation, quaternion, scale). */
  pose(rig: Float32Array): void {
    const n = this.bones.length;
    this.bones.set(rig.subarray(0, n));
    this.boneTexture.needsUpdate = true;
    this.mesh.position.set(rig[n], rig[n + 1], rig[n + 2]);
    this.mesh.quaternion.set(rig[n + 3], rig[n + 4], rig[n + 5], rig[n + 6]);
    this.mesh.scale.setScalar(rig[n + 7]);
    this.mesh.updateVersion(); // Spark regenerates this mesh's splats (and so runs the modifier) on its next update
  }

  dispose(): void {
    this.mesh.dispose();
    this.skinTexture.dispose();
    this.boneTexture.dispose();
  }
}
