using System.Numerics;
using C3V.Splats;
using Paint = C3V.Actors.SurfacePaint;
using Part = C3V.Actors.BodyPart;
using Sample = C3V.Actors.SurfaceSample;

namespace C3V.Actors;

/// <summary>Headwear worn on the head bone: hats, caps, helmets, hoods, crowns.</summary>
internal sealed partial class AvatarBuilder
{
    void AddHeadwear()
    {
        var c = _headC; var r = _headR; float k = _hk;
        var col = _spec.HeadwearColor;
        int[] hb = HeadBones;
        switch (_spec.Headwear)
        {
            case HeadwearKind.Hat:
            {
                var brimC = c + new Vector3(0, 0.055f, 0) * k;
                _parts.Add(new Part { Tube = Tube.Ellipsoid(brimC, new Vector3(0.17f, 0.008f, 0.16f) * k), Paint = (_, _, _, _) => col, Bones = hb });
                var crown = new Tube(brimC, brimC + new Vector3(0, 0.11f, 0) * k, Vector3.UnitX, u => new Vector2(0.088f, 0.098f) * k * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.04f)));
                _parts.Add(new Part { Tube = crown, Paint = (p, _, u, _) => u < 0.25f ? col * 0.45f : col, Bones = hb });
                break;
            }
            case HeadwearKind.Cap:
            {
                // Over the hair: the dome clears the hair shell's extra volume on top and at the back.
                var dome = Tube.Ellipsoid(c + new Vector3(0, 0.014f, -0.006f) * k, r + new Vector3(0.018f, 0.03f, 0.026f) * k);
                _parts.Add(new Part { Tube = dome, Paint = (_, _, _, _) => col, Bones = hb, Keep = (p, _) => p.Y > c.Y + 0.035f * k });
                _parts.Add(new Part { Tube = Tube.Ellipsoid(c + new Vector3(0, 0.04f, r.Z + 0.035f * k), new Vector3(0.075f, 0.006f, 0.055f) * k), Paint = (_, _, _, _) => col * 0.85f, Bones = hb });
                break;
            }
            case HeadwearKind.Helmet:
            {
                bool space = _spec.Top == TopKind.SpaceSuit || _spec.Kind == AvatarKind.Astronaut;
                float rr = (space ? 0.165f : 0.125f) * k;
                var hc = c + new Vector3(0, space ? -0.025f : 0.01f, 0) * k;
                var shell = Tube.Ellipsoid(hc, new Vector3(rr, rr * (space ? 1.02f : 0.95f), rr));
                Paint paint = space
                    ? (p, n, _, _) => n.Z > 0.35f && p.Y > hc.Y - 0.09f * k && p.Y < hc.Y + 0.09f * k && MathF.Abs(p.X - hc.X) < 0.12f * k ? new Vector3(0.55f, 0.42f, 0.12f) : col
                    : _spec.Metallic
                        // A knight's helm: polished, with a dark eye slit.
                        ? (p, n, _, _) => n.Z > 0.5f && MathF.Abs(p.Y - (c.Y + 0.012f * k)) < 0.012f * k ? new Vector3(0.05f, 0.05f, 0.05f) : Metal(col, n)
                        // A soldier's or a worker's helmet: a plain painted dome.
                        : (p, n, _, _) => col * (0.92f + 0.08f * n.Y);
                _parts.Add(new Part { Tube = shell, Paint = paint, Bones = hb, Gloss = space ? 0.6f : _spec.Metallic ? 0.6f : 0.15f, Keep = space ? null : (p, _) => p.Y > c.Y - (_spec.Metallic ? 0.08f : 0.02f) * k });
                break;
            }
            case HeadwearKind.TopHat:
            {
                var brimC = c + new Vector3(0, 0.06f, 0) * k;
                _parts.Add(new Part { Tube = Tube.Ellipsoid(brimC, new Vector3(0.14f, 0.007f, 0.13f) * k), Paint = (_, _, _, _) => col, Bones = hb });
                var crown = new Tube(brimC, brimC + new Vector3(0, 0.19f, 0) * k, Vector3.UnitX, u => new Vector2(0.085f, 0.092f) * k * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.03f)));
                _parts.Add(new Part { Tube = crown, Paint = (p, _, u, _) => u < 0.15f ? col * 0.4f + new Vector3(0.25f, 0.02f, 0.02f) : col, Bones = hb, Gloss = 0.2f });
                break;
            }
            case HeadwearKind.ChefHat:
            {
                // A tall pleated band and a puffed top.
                var band = new Tube(c + new Vector3(0, 0.04f, 0) * k, c + new Vector3(0, 0.16f, 0) * k, Vector3.UnitX, u => new Vector2(0.088f, 0.097f) * k * (1 + 0.12f * u));
                _parts.Add(new Part { Tube = band, Paint = (_, _, _, a) => col * (0.92f + 0.08f * MathF.Sin(a * 24)), Bones = hb, Solid = false });
                _parts.Add(new Part { Tube = Tube.Ellipsoid(c + new Vector3(0, 0.2f, 0) * k, new Vector3(0.125f, 0.075f, 0.13f) * k), Paint = (_, _, _, _) => col, Bones = hb });
                break;
            }
            case HeadwearKind.Tricorn:
            {
                var brimC = c + new Vector3(0, 0.07f, 0) * k;
                var crown = Tube.Ellipsoid(brimC, new Vector3(0.1f, 0.07f, 0.105f) * k);
                _parts.Add(new Part { Tube = crown, Paint = (_, _, _, _) => col, Bones = hb, Keep = (p, _) => p.Y > brimC.Y - 0.01f * k });
                // The brim turned up on three sides: a triangle of raised walls round the crown, trimmed in gold.
                for (int i = 0; i < 3; i++)
                {
                    float a0 = MathF.Tau * i / 3, a1 = MathF.Tau * (i + 1) / 3;
                    var p0 = brimC + new Vector3(MathF.Sin(a0), 0, MathF.Cos(a0)) * 0.19f * k;
                    var p1 = brimC + new Vector3(MathF.Sin(a1), 0, MathF.Cos(a1)) * 0.19f * k;
                    var wall = Tube.Capsule(p0 * 0.6f + p1 * 0.4f - new Vector3(0, 0.0f, 0), p0 * 0.4f + p1 * 0.6f, 0.05f * k, 0.05f * k, Vector3.UnitY, 0.2f);
                    var mid = (p0 + p1) / 2;
                    _parts.Add(new Part { Tube = Tube.Ellipsoid(mid + new Vector3(0, 0.03f * k, 0), new Vector3(Vector3.Distance(p0, p1) * 0.55f, 0.05f * k, 0.012f * k), Vector3.UnitY, Vector3.Normalize(p1 - p0)), Paint = (p, _, _, _) => p.Y > mid.Y + 0.07f * k ? new Vector3(0.85f, 0.7f, 0.25f) : col, Bones = hb, Solid = false });
                }
                break;
            }
            case HeadwearKind.PeakedCap:
            {
                // A flat round top wider than the head, a dark band and a glossy visor.
                var top = Tube.Ellipsoid(c + new Vector3(0, 0.095f, -0.005f) * k, new Vector3(0.115f, 0.035f, 0.12f) * k);
                _parts.Add(new Part { Tube = top, Paint = (_, _, _, _) => col, Bones = hb });
                var band = new Tube(c + new Vector3(0, 0.04f, 0) * k, c + new Vector3(0, 0.085f, 0) * k, Vector3.UnitX, _ => new Vector2(0.087f, 0.097f) * k);
                _parts.Add(new Part { Tube = band, Paint = (p, n, _, _) => n.Z > 0.9f && MathF.Abs(p.X) < 0.012f * k ? new Vector3(0.85f, 0.7f, 0.25f) : new Vector3(0.05f, 0.05f, 0.06f), Bones = hb, Solid = false });
                _parts.Add(new Part { Tube = Tube.Ellipsoid(c + new Vector3(0, 0.045f, r.Z + 0.03f * k), new Vector3(0.07f, 0.006f, 0.045f) * k), Paint = (_, _, _, _) => new Vector3(0.04f, 0.04f, 0.05f), Bones = hb, Gloss = 0.5f });
                break;
            }
            case HeadwearKind.FireHelmet:
            {
                var dome = Tube.Ellipsoid(c + new Vector3(0, 0.02f, -0.005f) * k, new Vector3(0.115f, 0.11f, 0.125f) * k);
                _parts.Add(new Part { Tube = dome, Paint = (p, n, _, _) => MathF.Abs(p.X - c.X) < 0.012f * k && n.Y > 0.2f ? col * 0.7f : col, Bones = hb, Gloss = 0.5f, Keep = (p, _) => p.Y > c.Y + 0.0f * k });
                // A brim that sweeps down and out at the back.
                _parts.Add(new Part { Tube = Tube.Ellipsoid(c + new Vector3(0, 0.01f, -0.04f) * k, new Vector3(0.17f, 0.01f, 0.2f) * k), Paint = (_, _, _, _) => col * 0.9f, Bones = hb, Gloss = 0.3f });
                _parts.Add(new Part { Tube = Tube.Ellipsoid(c + new Vector3(0, 0.06f, r.Z + 0.01f * k), new Vector3(0.035f, 0.03f, 0.008f) * k), Paint = (_, _, _, _) => new Vector3(0.9f, 0.75f, 0.2f), Bones = hb });
                break;
            }
            case HeadwearKind.Bun:
            {
                // Hair gathered in a bun at the top of the back of the head (a dancer's).
                _parts.Add(new Part { Tube = Tube.Ellipsoid(c + new Vector3(0, 0.1f, -0.05f) * k, new Vector3(0.045f, 0.04f, 0.045f) * k), Paint = (p, n, _, a) => _spec.HairColor * (0.8f + 0.2f * MathF.Sin(a * 20)), Bones = hb });
                break;
            }
            case HeadwearKind.Hood:
                AddHood(col);
                break;
            case HeadwearKind.WizardHat:
            {
                var brimC = c + new Vector3(0, 0.06f, 0) * k;
                _parts.Add(new Part { Tube = Tube.Ellipsoid(brimC, new Vector3(0.18f, 0.007f, 0.17f) * k), Paint = (_, _, _, _) => col, Bones = hb });
                var cone = new Tube(brimC, brimC + new Vector3(0, 0.34f, -0.04f) * k, Vector3.UnitX, u => new Vector2(0.092f, 0.1f) * k * (1 - u));
                _parts.Add(new Part
                {
                    Tube = cone, Bones = hb,
                    Paint = (p, _, u, a) => u < 0.12f ? new Vector3(0.85f, 0.7f, 0.2f) : Stars(p, u, a) ? new Vector3(0.95f, 0.9f, 0.5f) : col,
                });
                break;
            }
            case HeadwearKind.Crown:
            {
                var band = new Tube(c + new Vector3(0, 0.05f, 0) * k, c + new Vector3(0, 0.1f, 0) * k, Vector3.UnitX, _ => new Vector2(0.085f, 0.095f) * k);
                _parts.Add(new Part { Tube = band, Paint = (_, _, _, _) => col, Bones = hb, Gloss = 0.5f, Solid = false });
                for (int i = 0; i < 7; i++)
                {
                    float a = MathF.Tau * i / 7;
                    var pt = c + new Vector3(MathF.Sin(a) * 0.085f, 0.115f, MathF.Cos(a) * 0.095f) * k;
                    _parts.Add(new Part { Tube = Tube.Ellipsoid(pt, new Vector3(0.012f, 0.02f, 0.012f) * k), Paint = (_, _, _, _) => i % 2 == 0 ? new Vector3(0.8f, 0.1f, 0.15f) : col, Bones = hb });
                }
                break;
            }
        }
    }

    /// <summary>A hood up over the head, open at the face.</summary>
    void AddHood(Vector3 col)
    {
        var c = _headC; float k = _hk;
        var shell = Tube.Ellipsoid(c + new Vector3(0, 0.005f, -0.012f) * k, _headR + new Vector3(0.02f, 0.02f, 0.02f) * k);
        _parts.Add(new Part
        {
            Tube = shell, Paint = (_, _, _, _) => col, Bones = HeadBones,
            Keep = (p, n) => { var q = p - c; return !(q.Z > 0.02f * k && MathF.Abs(q.X) < 0.07f * k && q.Y < 0.06f * k) && q.Y > -0.1f * k; },
        });
    }

    /// <summary>A hoodie's hood: up over the head, or (under a cap or hat) lowered in folds behind the neck.</summary>
    void AddHoodieHood()
    {
        if (_spec.Top != TopKind.Hoodie) return;
        if (_spec.Headwear == HeadwearKind.None) { AddHood(Top); return; }
        var neck = _p[Skeleton.Neck];
        var fold = Tube.Ellipsoid(neck + new Vector3(0, 0.03f, -0.075f) * _k, new Vector3(0.1f, 0.06f, 0.045f) * _k);
        _parts.Add(new Part { Tube = fold, Paint = (p, n, _, a) => Top * (0.85f + 0.15f * MathF.Sin(a * 6)), Bones = [Skeleton.Spine3, Skeleton.Neck], Solid = false });
    }

    /// <summary>A clown's round nose.</summary>
    void AddNose()
    {
        if (_spec.NoseColor is not { } col) return;
        _parts.Add(new Part { Tube = Tube.Ellipsoid(_headC + new Vector3(0, -0.02f * _hk, _headR.Z + 0.012f * _hk), new Vector3(0.026f) * _hk), Paint = (_, _, _, _) => col, Bones = HeadBones, Gloss = 0.6f, Solid = false, Hideable = false });
    }

    static bool Stars(Vector3 p, float u, float a)
    {
        float fu = u * 9 - MathF.Floor(u * 9), fa = a * 1.3f - MathF.Floor(a * 1.3f);
        return fu > 0.4f && fu < 0.6f && fa > 0.45f && fa < 0.55f;
    }

}
