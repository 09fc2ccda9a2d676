using System.Numerics;
using C3V.Splats;
using Paint = C3V.Actors.SurfacePaint;
using Part = C3V.Actors.BodyPart;
using Sample = C3V.Actors.SurfaceSample;

namespace C3V.Actors;

/// <summary>The head: skull, jaw, ears, nose, the face's features and the hair.</summary>
internal sealed partial class AvatarBuilder
{
    void AddHead()
    {
        float k = _hk;
        var hj = _p[Skeleton.Head];
        _headC = hj + new Vector3(0, 0.085f, 0.012f) * k;
        _headR = (Alien ? new Vector3(0.112f, 0.14f, 0.118f) : Robot ? new Vector3(0.085f, 0.1f, 0.095f) : new Vector3(0.078f, 0.104f, 0.094f)) * k;
        if (Alien) _headC += new Vector3(0, 0.035f, 0) * k;
        var head = Tube.Ellipsoid(_headC, _headR);
        if (Robot) head = new Tube(_headC - new Vector3(0, _headR.Y, 0), _headC + new Vector3(0, _headR.Y, 0), Vector3.UnitX,
            u => new Vector2(_headR.X, _headR.Z) * MathF.Pow(MathF.Max(0, 1 - MathF.Pow(MathF.Abs(2 * u - 1), 6)), 1 / 6f)) { Exponent = 4 };
        _parts.Add(new Part { Tube = head, Paint = (p, n, _, _) => Robot ? RobotPanel(p, Skin) : Skin, Bones = HeadBones });
        if (!Robot)
        {
            // Jaw and chin.
            var jaw = Tube.Ellipsoid(_headC + new Vector3(0, -0.05f, 0.018f) * k * (Alien ? 1.2f : 1), new Vector3(Alien ? 0.05f : 0.063f, 0.055f, Alien ? 0.07f : 0.076f) * k);
            _parts.Add(new Part { Tube = jaw, Paint = (_, _, _, _) => Skin, Bones = HeadBones });
        }
        if (!Alien && !Robot)
        {
            for (int side = -1; side <= 1; side += 2)
            {
                var ear = Tube.Ellipsoid(_headC + new Vector3(side * _headR.X * 0.97f, -0.008f * k, -0.008f * k), new Vector3(0.012f, 0.027f, 0.017f) * k);
                _parts.Add(new Part { Tube = ear, Paint = (_, _, _, _) => Skin * 0.95f, Bones = HeadBones });
            }
            var nose = Tube.Ellipsoid(_headC + new Vector3(0, -0.018f * k, _headR.Z * 0.96f), new Vector3(0.0105f, 0.02f, 0.013f) * k,
                Vector3.Normalize(new Vector3(0, 1, -0.35f)));
            _parts.Add(new Part { Tube = nose, Paint = (p, n, _, _) => Skin * (n.Y < -0.6f ? 0.9f : 1), Bones = HeadBones, Spacing = 0.5f });
        }
        AddFace();
        AddHair();
    }

    /// <summary>Point on the front of the head surface at face coordinates (x right of the actor = +X, y up) relative to the head centre.</summary>
    (Vector3 P, Vector3 N) OnFace(float x, float y)
    {
        // Highest z among the head shapes (skull, jaw) at this (x, y).
        float best = float.NegativeInfinity;
        Vector3 n = Vector3.UnitZ;
        foreach (var part in _parts)
        {
            if (part.Tube is null || !part.Bones.SequenceEqual(HeadBones)) continue;
            var t = part.Tube;
            // March from the front towards the head centre until inside.
            var start = new Vector3(_headC.X + x, _headC.Y + y, _headC.Z + 0.25f * _hk);
            float step = 0.004f * _hk;
            for (float z = 0; z < 0.25f * _hk; z += step)
            {
                var q = start - new Vector3(0, 0, z);
                if (t.Distance(q) <= 0)
                {
                    // Bisect between the last outside point and this inside one.
                    float lo = z - step, hi = z;
                    for (int it = 0; it < 12; it++)
                    {
                        float mid = 0.5f * (lo + hi);
                        if (t.Distance(start - new Vector3(0, 0, mid)) <= 0) hi = mid; else lo = mid;
                    }
                    q = start - new Vector3(0, 0, hi);
                    if (q.Z > best)
                    {
                        best = q.Z;
                        const float e = 0.002f;
                        n = Vector3.Normalize(new Vector3(t.Distance(q + new Vector3(e, 0, 0)) - t.Distance(q - new Vector3(e, 0, 0)),
                            t.Distance(q + new Vector3(0, e, 0)) - t.Distance(q - new Vector3(0, e, 0)),
                            t.Distance(q + new Vector3(0, 0, e)) - t.Distance(q - new Vector3(0, 0, e))));
                    }
                    break;
                }
            }
        }
        return (new Vector3(_headC.X + x, _headC.Y + y, best), n);
    }

    /// <summary>A small filled ellipse of feature Gaussians on the face (eyes, brows, lips).</summary>
    void FaceDisk(float cx, float cy, float rx, float ry, Vector3 color, float lift, float tilt = 0, float spacing = 0.0022f, string? tag = null)
    {
        float h = spacing * _hk;
        for (float y = -ry; y <= ry + 1e-6f; y += h)
            for (float x = -rx; x <= rx + 1e-6f; x += h)
            {
                if ((x * x) / (rx * rx) + (y * y) / (ry * ry) > 1.0001f) continue;
                float xx = cx + x, yy = cy + y + tilt * x;
                var (p, n) = OnFace(xx, yy);
                if (!float.IsFinite(p.Z)) continue;
                _features.Add(new Sample { P = p + n * lift * _hk, N = n, T = Vector3.UnitX, Color = color, Spacing = h * 0.85f, Opacity = 0.98f, Part = -1, Tag = tag });
            }
    }

    void AddFace()
    {
        if (Robot)
        {
            // Glowing visor band and a grille mouth.
            FaceDisk(0, 0.012f * _hk, 0.062f * _hk, 0.014f * _hk, _spec.EyeColor, 0.0015f, 0, 0.003f);
            for (int i = -2; i <= 2; i++) FaceDisk(i * 0.012f * _hk, -0.045f * _hk, 0.004f * _hk, 0.012f * _hk, Skin * 0.3f, 0.0015f, 0, 0.0025f);
            return;
        }
        var dark = new Vector3(0.06f, 0.04f, 0.035f);
        if (Alien)
        {
            for (int side = -1; side <= 1; side += 2)
            {
                FaceDisk(side * 0.042f * _hk, 0.0f, 0.03f * _hk, 0.017f * _hk, _spec.EyeColor, 0.0015f, side * 0.35f);
                FaceDisk(side * 0.036f * _hk, 0.006f * _hk, 0.005f * _hk, 0.004f * _hk, new Vector3(0.9f, 0.95f, 1f), 0.003f);
            }
            FaceDisk(0, -0.075f * _hk, 0.012f * _hk, 0.002f * _hk, Skin * 0.45f, 0.001f);
            for (int side = -1; side <= 1; side += 2) FaceDisk(side * 0.006f * _hk, -0.04f * _hk, 0.002f * _hk, 0.002f * _hk, Skin * 0.5f, 0.001f);
            return;
        }
        float eyeY = 0.012f * _hk, eyeX = 0.032f * _hk;
        var brow = _spec.Hair == HairStyle.Bald ? Skin * 0.55f : _spec.HairColor * 0.7f;
        for (int side = -1; side <= 1; side += 2)
        {
            float x = side * eyeX;
            FaceDisk(x, eyeY, 0.0125f * _hk, 0.0065f * _hk, new Vector3(0.96f, 0.95f, 0.93f), 0.0012f);
            FaceDisk(x, eyeY, 0.0058f * _hk, 0.0058f * _hk, _spec.EyeColor, 0.0022f);
            FaceDisk(x, eyeY, 0.0026f * _hk, 0.0026f * _hk, new Vector3(0.02f, 0.02f, 0.02f), 0.003f);
            FaceDisk(x + 0.002f * _hk, eyeY + 0.0025f * _hk, 0.0012f * _hk, 0.0012f * _hk, new Vector3(1, 1, 1), 0.0036f, 0, 0.0012f);
            // Upper lid line and brow.
            for (float a = -1; a <= 1.001f; a += 0.1f)
                FaceDisk(x + a * 0.013f * _hk, eyeY + 0.0065f * _hk * MathF.Sqrt(1 - a * a * 0.8f), 0.0016f * _hk, 0.0011f * _hk, dark, 0.0025f, 0, 0.0016f);
            for (float a = -1; a <= 1.001f; a += 0.12f)
                FaceDisk(x + a * 0.016f * _hk, eyeY + 0.022f * _hk + 0.004f * _hk * (1 - a * a) - side * a * 0.001f * _hk, 0.0025f * _hk, 0.0022f * _hk, brow, 0.0018f);
        }
        // Lips: a darker upper and lower lip with the line between them.
        var lip = Vector3.Lerp(Skin, new Vector3(0.75f, 0.3f, 0.32f), _spec.Feminine ? 0.55f : 0.3f);
        FaceDisk(0, -0.048f * _hk, 0.02f * _hk, 0.0045f * _hk, lip, 0.0012f);
        FaceDisk(0, -0.055f * _hk, 0.016f * _hk, 0.0045f * _hk, lip * 1.05f, 0.0012f);
        FaceDisk(0, -0.0515f * _hk, 0.019f * _hk, 0.0012f * _hk, lip * 0.45f, 0.0022f, 0, 0.0012f);
        // Nostrils.
        for (int side = -1; side <= 1; side += 2) FaceDisk(side * 0.007f * _hk, -0.031f * _hk, 0.003f * _hk, 0.0022f * _hk, Skin * 0.45f, 0.0005f, 0, 0.0015f);
    }

    /// <summary>
    /// Hair: a shell over the skull with volume (thicker at the crown and back), lumpy locks (the surface
    /// pushed out in clumps that flow from the crown, so the outline is not a smooth helmet), strand streaks
    /// and a sheen in the colour, a scalloped fringe and sideburns at the hairline; long hair adds a fall down
    /// the back to the shoulder blades and locks in front of the shoulders, both with ragged, tapering ends.
    /// </summary>
    void AddHair()
    {
        if (Robot || Alien) return;
        var c = _headC; var r = _headR;
        var hair = _spec.HairColor;
        bool isLong = _spec.Hair == HairStyle.Long;
        var crown = c + new Vector3(0, r.Y, -0.025f) * _hk;
        // Flow direction around the crown: streaks and locks radiate from it and run down the sides.
        float Flow(Vector3 p) => MathF.Atan2(p.X - crown.X, p.Z - crown.Z);
        // Streaks and locks are functions of the flow angle only: they run along the strands, from the crown down.
        // Near the crown the angle turns quickly, so both fade out there (no speckle at the whorl).
        float FromCrown(Vector3 p) => Math.Clamp(MathF.Sqrt(Sq(p.X - crown.X) + Sq(p.Z - crown.Z)) / (0.05f * _hk), 0, 1);
        float Streak(Vector3 p) { float f = Flow(p); return 0.5f + (0.25f * MathF.Sin(f * 53) + 0.25f * MathF.Sin(f * 31 + 1.3f)) * FromCrown(p); }
        float Locks(Vector3 p) { float f = Flow(p); return 0.5f + (0.3f * MathF.Sin(f * 9) + 0.2f * MathF.Sin(f * 17 + 0.7f)) * FromCrown(p); }
        Vector3 Strands(Vector3 p, Vector3 n, float streak)
        {
            float sheen = MathF.Pow(MathF.Max(0, Vector3.Dot(n, Vector3.Normalize(new Vector3(0.2f, 0.9f, 0.5f)))), 6);
            return hair * (0.7f + 0.3f * streak) + new Vector3(0.22f * sheen) * (0.4f + 0.6f * streak) * (0.35f + hair.Length());
        }
        if (_spec.Hair != HairStyle.Bald)
        {
            float thick = (isLong ? 0.012f : 0.008f) * _hk;
            // Close at the sides, fuller on top and at the back (the volume is in the shell, so its samples stay dense).
            var shell = Tube.Ellipsoid(c + new Vector3(0, 0.009f, -0.009f) * _hk, r + new Vector3(thick * 0.7f, thick * 1.5f + 0.005f * _hk, thick * 1.2f + 0.004f * _hk));
            _parts.Add(new Part
            {
                Tube = shell, Bones = HeadBones, Solid = false, Hideable = true,
                Paint = (p, n, _, _) => Strands(p, n, Streak(p)),
                // Locks stand out in clumps; short hair is cut close below the back of the skull (tapered nape).
                Relief = p => (0.004f * Locks(p) - (isLong ? 0 : 0.008f * Math.Clamp((c.Y - p.Y) / (0.06f * _hk), 0, 1))) * _hk,
                Keep = (p, n) =>
                {
                    var q = (p - c) / _hk;
                    // Fringe: a scalloped edge of locks over the forehead (long hair: swept lower to one side).
                    // Short hair: a higher hairline, arched at the temples, with short locks; long hair: a swept fringe.
                    float fringe = isLong
                        ? 0.045f + 0.12f * Math.Clamp(q.X, -0.02f, 0.06f) - 0.012f * MathF.Abs(MathF.Sin(q.X * 95))
                        : 0.066f - 0.012f * MathF.Cos(q.X * 30) - 0.006f * MathF.Abs(MathF.Sin(q.X * 120));
                    if (q.Y > fringe + 0.012f * MathF.Max(0, q.Z / (r.Z / _hk))) return true;
                    if (q.Z < -0.01f && q.Y > (isLong ? -0.11f : -0.085f) + 0.008f * MathF.Abs(MathF.Sin(q.X * 70))) return true; // back of the head, ragged nape
                    if (MathF.Abs(q.X) > 0.062f && q.Y > -0.035f + 0.5f * MathF.Max(0, q.Z - 0.01f) && q.Z < 0.04f) return true; // temples and sideburns
                    return false;
                },
            });
            if (isLong)
            {
                var top = c + new Vector3(0, 0.03f, -0.05f) * _hk;
                float bottomY = _p[Skeleton.Spine2].Y + 0.03f * _hk;
                var bottom = new Vector3(0, bottomY, -0.1f * _hk);
                // Wide and thick at the nape, spreading over the shoulders, tapering to the ends.
                var fall = new Tube(top, bottom, Vector3.UnitX, u => new Vector2(0.09f + 0.025f * MathF.Sin(MathF.PI * MathF.Min(1, u * 1.4f)) - 0.02f * u, 0.05f * (1 - 0.55f * u))
                    * _hk * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.04f)));
                float span = top.Y - bottomY;
                _parts.Add(new Part
                {
                    Tube = fall, Bones = [Skeleton.Head, Skeleton.Neck, Skeleton.Spine3], Solid = false,
                    Paint = (p, n, u, a) => Strands(p, n, 0.5f + 0.25f * MathF.Sin(a * 53 + u * 2) + 0.25f * MathF.Sin(a * 31 + 1.3f)) * (1 - 0.15f * u),
                    Relief = p => 0.005f * _hk * (0.5f + 0.5f * MathF.Sin(MathF.Atan2(p.X, p.Z - top.Z) * 13)),
                    // Ragged ends: locks of different lengths.
                    Keep = (p, n) => (top.Y - p.Y) / span < 0.86f + 0.12f * MathF.Abs(MathF.Sin(p.X / _hk * 60)),
                });
                for (int side = -1; side <= 1; side += 2)
                {
                    var from = c + new Vector3(side * 0.078f, 0.02f, 0.0f) * _hk;
                    var to = new Vector3(side * 0.11f * _hk, _p[Skeleton.Spine3].Y - 0.02f * _hk, 0.04f * _hk);
                    var lockTube = Tube.Capsule(from, to, 0.026f * _hk, 0.008f * _hk, Vector3.UnitZ, 0.6f);
                    _parts.Add(new Part
                    {
                        Tube = lockTube, Bones = [Skeleton.Head, Skeleton.Neck], Solid = false,
                        Paint = (p, n, u, a) => Strands(p, n, 0.5f + 0.5f * MathF.Sin(a * 30 + u * 7)),
                        Relief = p => 0.003f * _hk * (0.5f + 0.5f * MathF.Sin(p.Y / _hk * 80 + p.X / _hk * 30)),
                    });
                }
            }
        }
        var beardPaint = (Paint)((p, n, u, a) => hair * (0.85f + 0.15f * MathF.Sin(a * 37 + u * 9)));
        if (_spec.Extras.HasFlag(AvatarExtras.Beard))
        {
            var beard = Tube.Ellipsoid(c + new Vector3(0, -0.06f, 0.028f) * _hk, new Vector3(0.07f, 0.07f, 0.08f) * _hk);
            _parts.Add(new Part
            {
                Tube = beard, Paint = beardPaint, Bones = HeadBones, Solid = false,
                Keep = (p, n) => { var q = p - c; return q.Y < -0.04f * _hk && q.Z > 0 && !(MathF.Abs(q.X) < 0.018f * _hk && q.Y > -0.06f * _hk); },
            });
            // The beard hangs below the chin as a wedge.
            var wedge = Tube.Capsule(c + new Vector3(0, -0.09f, 0.06f) * _hk, c + new Vector3(0, -0.2f, 0.07f) * _hk, 0.045f * _hk, 0.012f * _hk, Vector3.UnitX, 0.6f);
            _parts.Add(new Part { Tube = wedge, Paint = beardPaint, Bones = [Skeleton.Head], Solid = false });
        }
    }

}
