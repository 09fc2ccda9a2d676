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
        var c = _headC; var r = _headR; float k = _k;
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
                var dome = Tube.Ellipsoid(c + new Vector3(0, 0.012f, 0) * k, r + new Vector3(0.012f) * k);
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
                    : (p, n, _, _) => n.Z > 0.5f && MathF.Abs(p.Y - (c.Y + 0.012f * k)) < 0.012f * k ? new Vector3(0.05f, 0.05f, 0.05f) : RobotPanel(p, col);
                _parts.Add(new Part { Tube = shell, Paint = paint, Bones = hb, Gloss = space ? 0.6f : 0.3f, Keep = space ? null : (p, _) => p.Y > c.Y - 0.08f * k });
                break;
            }
            case HeadwearKind.Hood:
            {
                var shell = Tube.Ellipsoid(c + new Vector3(0, 0.005f, -0.012f) * k, r + new Vector3(0.02f, 0.02f, 0.02f) * k);
                _parts.Add(new Part
                {
                    Tube = shell, Paint = (_, _, _, _) => col, Bones = hb,
                    Keep = (p, n) => { var q = p - c; return !(q.Z > 0.02f * k && MathF.Abs(q.X) < 0.07f * k && q.Y < 0.06f * k) && q.Y > -0.1f * k; },
                });
                break;
            }
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

    static bool Stars(Vector3 p, float u, float a)
    {
        float fu = u * 9 - MathF.Floor(u * 9), fa = a * 1.3f - MathF.Floor(a * 1.3f);
        return fu > 0.4f && fu < 0.6f && fa > 0.45f && fa < 0.55f;
    }

}
