using System.Numerics;
using C3V.Splats;
using Paint = C3V.Actors.SurfacePaint;
using Part = C3V.Actors.BodyPart;
using Sample = C3V.Actors.SurfaceSample;

namespace C3V.Actors;

/// <summary>Garment colours and shapes: what each body region wears (top, bottom, suits, skirt and dress shells).</summary>
internal sealed partial class AvatarBuilder
{
    // ---------- colours ----------

    Vector3 Skin => _spec.Skin;
    Vector3 Top => _spec.TopColor;
    Vector3 Bottom => _spec.Bottom == BottomKind.None && !FullSuit && _spec.Top is not (TopKind.Dress or TopKind.Robe) ? Skin : _spec.BottomColor;

    /// <summary>Colour of the trunk at height y (top garment above the waist, bottom garment below).</summary>
    Vector3 TorsoColor(Vector3 p, Vector3 n)
    {
        if (Robot) return RobotPanel(p, Skin);
        if (FullSuit) return SuitDetail(p, n, Top);
        bool below = p.Y < _waistY;
        // Jackets and coats hang over the waistband; a leotard covers the hips.
        if (_spec.Top is TopKind.Jacket or TopKind.Coat or TopKind.TrackTop or TopKind.Hoodie && p.Y < _waistY && p.Y > _waistY - 0.1f * _k) below = false;
        if (below)
        {
            if (_spec.Top is TopKind.Dress or TopKind.Robe or TopKind.Leotard) return Patterned(_spec.TopPattern, Top, p);
            if (_spec.Bottom == BottomKind.None) return Skin;
            if (_spec.Bottom == BottomKind.Tutu) return Tights;
            return MathF.Abs(p.Y - (_waistY - 0.015f * _k)) < 0.012f * _k && _spec.Bottom == BottomKind.Trousers ? new Vector3(0.12f, 0.1f, 0.08f) : Patterned(_spec.BottomPattern, Bottom, p);
        }
        if (_spec.Top == TopKind.None) return Skin;
        float neckY = _p[Skeleton.Neck].Y, chestY = _p[Skeleton.Spine3].Y;
        // Necklines: T-shirts, dresses and leotards show a little skin at the collar; a jacket opens in a V over the
        // shirt from the chest up; a track top and a hoodie close with a zip.
        if (_spec.Top is TopKind.TShirt or TopKind.Dress or TopKind.Leotard && p.Y > neckY - 0.035f * _k && p.Z > 0) return Skin;
        if (_spec.Top == TopKind.Jacket && p.Z > 0 && MathF.Abs(p.X) < 0.01f * _k + (p.Y - chestY + 0.03f * _k) * 0.45f) return new Vector3(0.92f, 0.92f, 0.9f);
        if (_spec.Top is TopKind.TrackTop or TopKind.Coat && p.Z > 0 && MathF.Abs(p.X) < 0.004f * _k) return Top * 0.55f;
        if (_spec.Top == TopKind.Shirt && p.Z > 0 && MathF.Abs(p.X) < 0.004f * _k && ((int)(p.Y / (0.06f * _k)) & 1) == 0) return Top * 0.6f;
        return Patterned(_spec.TopPattern, Top, p);
    }

    /// <summary>A ballerina's tights under the tutu.</summary>
    static readonly Vector3 Tights = new(0.97f, 0.84f, 0.86f);

    /// <summary>
    /// A garment's pattern at a point: horizontal stripes and checks 4.5 cm wide, dots on a 7 cm grid, or camouflage
    /// blotches, in the pattern colour (named, or a darker or lighter shade of the garment's).
    /// </summary>
    Vector3 Patterned(GarmentPattern pattern, Vector3 c, Vector3 p)
    {
        if (pattern == GarmentPattern.Plain) return c;
        var second = _spec.PatternColor ?? (0.2126f * c.X + 0.7152f * c.Y + 0.0722f * c.Z > 0.4f ? c * 0.35f : Vector3.Lerp(c, Vector3.One, 0.7f));
        float s = 0.045f * _k;
        int row = (int)MathF.Floor(p.Y / s), col = (int)MathF.Floor((p.X + 0.5f * p.Z) / s);
        switch (pattern)
        {
            case GarmentPattern.Striped: return (row & 1) == 0 ? c : second;
            case GarmentPattern.Checked: return ((row + col) & 1) == 0 ? c : second;
            case GarmentPattern.Bands:
            {
                float f = p.Y / (0.35f * _k);
                return f - MathF.Floor(f) < 0.12f ? second : c;
            }
            case GarmentPattern.Dotted:
            {
                float cell = 0.07f * _k;
                var q = new Vector2(p.X + 0.5f * p.Z, p.Y) / cell;
                var f = q - new Vector2(MathF.Floor(q.X), MathF.Floor(q.Y)) - new Vector2(0.5f);
                return f.Length() < 0.26f ? second : c;
            }
            default:
            {
                var q = p / _k;
                float blot = MathF.Sin(q.X * 23 + MathF.Sin(q.Y * 17)) + MathF.Sin(q.Y * 19 + q.Z * 13) + MathF.Sin(q.Z * 29 + q.X * 11);
                return blot > 0.9f ? second : blot < -1.1f ? c * 0.7f : c;
            }
        }
    }

    Vector3 RobotPanel(Vector3 p, Vector3 metal)
    {
        // Panel seams every 9 cm in height and at the sides, plus rivet-dark corners.
        float band = p.Y / (0.09f * _k);
        float f = band - MathF.Floor(band);
        if (f < 0.07f) return metal * 0.45f;
        if (MathF.Abs(p.X) < 0.006f * _k && p.Z > 0) return metal * 0.5f;
        return metal * (0.92f + 0.08f * MathF.Sin(p.X * 40));
    }

    Vector3 SuitDetail(Vector3 p, Vector3 n, Vector3 c)
    {
        if (_spec.Top == TopKind.SpaceSuit)
        {
            // Chest control box and a flag-like patch on the left shoulder.
            var chest = new Vector3(0, _p[Skeleton.Spine3].Y + 0.02f * _k, 0);
            if (p.Z > 0 && MathF.Abs(p.X) < 0.07f * _k && MathF.Abs(p.Y - chest.Y) < 0.045f * _k) return new Vector3(0.35f, 0.37f, 0.4f);
            if (p.Z > 0 && MathF.Abs(p.X - 0.03f * _k) < 0.012f * _k && MathF.Abs(p.Y - chest.Y) < 0.01f * _k) return new Vector3(0.9f, 0.2f, 0.1f);
            if (MathF.Abs(p.Y - _waistY) < 0.015f * _k) return new Vector3(0.55f, 0.55f, 0.58f);
        }
        if (_spec.Top == TopKind.SkiSuit)
        {
            // Contrast stripe across the chest and a zip down the front.
            if (MathF.Abs(p.Y - (_p[Skeleton.Spine3].Y + 0.04f * _k)) < 0.025f * _k) return Vector3.One * 0.95f - c * 0.3f;
            if (p.Z > 0 && MathF.Abs(p.X) < 0.004f * _k && p.Y > _waistY) return new Vector3(0.15f, 0.15f, 0.15f);
        }
        if (_spec.Top == TopKind.Armor) return _spec.Metallic ? PlateArmor(p, n, c) : RobotPanel(p, c);
        if (_spec.Top == TopKind.Overalls) return Patterned(_spec.TopPattern, c, p);
        return c;
    }

    /// <summary>
    /// Polished plate: the colour reflects a bright sky above and a dark horizon, with a broad highlight, so it reads
    /// as metal; plates meet in thin dark lines (lames over the belly, a ridge down the breastplate).
    /// </summary>
    Vector3 PlateArmor(Vector3 p, Vector3 n, Vector3 c)
    {
        if (p.Y < _waistY + 0.12f * _k && p.Y > _waistY - 0.12f * _k)
        {
            float band = (p.Y - _waistY) / (0.06f * _k);
            if (band - MathF.Floor(band) < 0.1f) return c * 0.35f;
        }
        return Metal(c, n);
    }

    /// <summary>Metal under the preview's sky: reflection brighter where the surface faces up, dark at the horizon, plus a broad sheen.</summary>
    static Vector3 Metal(Vector3 c, Vector3 n)
    {
        if (n == Vector3.Zero) return c;
        float y = n.Y;
        float env = y > 0 ? 0.8f + 0.45f * y : 0.8f + 0.5f * y;
        env -= 0.3f * MathF.Exp(-(y + 0.12f) * (y + 0.12f) / 0.015f);
        float sheen = MathF.Pow(MathF.Max(0, Vector3.Dot(n, Vector3.Normalize(new Vector3(0.3f, 0.6f, 0.75f)))), 6);
        return c * env + new Vector3(0.45f * sheen);
    }

    Vector3 ArmColor(int side, Vector3 p, Vector3 n, float along)
    {
        if (Robot) return RobotPanel(p, Skin);
        if (FullSuit) return SuitDetail(p, n, Top);
        float sleeve = _spec.Top switch
        {
            TopKind.TShirt => 0.22f, TopKind.Dress => 0.12f,
            TopKind.Shirt or TopKind.Sweater or TopKind.Jacket or TopKind.Robe or TopKind.Hoodie or TopKind.TrackTop or TopKind.Coat => 1.01f,
            _ => 0f,
        };
        if (along >= sleeve) return Skin;
        if (_spec.Top is TopKind.Sweater or TopKind.Hoodie or TopKind.TrackTop && along > 0.97f) return Top * 0.8f;
        // A track top's contrast stripe runs along the top of the sleeve.
        if (_spec.Top == TopKind.TrackTop && n.Y > 0.75f) return Vector3.Lerp(Top, Vector3.One, 0.8f);
        // Stripes and checks go round the sleeve: the pattern's rows follow the arm's length.
        return Patterned(_spec.TopPattern, Top, new Vector3(p.Z, p.X * side, p.Y));
    }

    Vector3 LegColor(Vector3 p, Vector3 n, float along)
    {
        if (Robot) return RobotPanel(p, Skin);
        if (FullSuit) return SuitDetail(p, n, Top);
        return _spec.Bottom switch
        {
            BottomKind.Trousers => _spec.Top == TopKind.TrackTop && MathF.Abs(n.X) > 0.8f ? Vector3.Lerp(Bottom, Vector3.One, 0.8f) : Patterned(_spec.BottomPattern, Bottom, p),
            BottomKind.Shorts => along < 0.26f ? Patterned(_spec.BottomPattern, Bottom, p) : Skin,
            BottomKind.Tutu => Tights,
            _ => Skin,
        };
    }


    void AddGarmentShells()
    {
        float k = _k, g = _spec.Girth;
        if (_spec.Bottom == BottomKind.Tutu && _spec.Top is not (TopKind.Dress or TopKind.Robe)) { AddTutu(); return; }
        float hemY = _spec.Top switch
        {
            TopKind.Robe => 0.06f * k,
            TopKind.Dress => _p[Skeleton.LeftKnee].Y - (_spec.Kind == AvatarKind.Fairy ? -0.02f : 0.06f) * k,
            TopKind.Coat => _p[Skeleton.LeftKnee].Y + 0.06f * k,
            _ => _spec.Bottom == BottomKind.Skirt ? _p[Skeleton.LeftKnee].Y + 0.07f * k : float.NaN,
        };
        if (float.IsNaN(hemY)) return;
        bool fromTop = _spec.Top is TopKind.Dress or TopKind.Robe or TopKind.Coat;
        var baseColor = fromTop ? Top : Bottom;
        var pattern = fromTop ? _spec.TopPattern : _spec.BottomPattern;
        float top = _waistY + 0.02f * k;
        float rTop = 0.15f * g * k * (_spec.Feminine ? 1.05f : 1), rHem = (_spec.Top switch { TopKind.Robe => 0.3f, TopKind.Coat => 0.2f, _ => 0.27f }) * k * MathF.Sqrt(g);
        var skirt = new Tube(new Vector3(0, top, 0), new Vector3(0, hemY, 0.01f * k), Vector3.UnitX, u =>
        {
            float r = rTop + (rHem - rTop) * MathF.Sqrt(u);
            return new Vector2(r, r * 0.78f) * (u > 0.985f ? 0.0f : 1);
        });
        // Soft vertical folds in the cloth; the hem is darker.
        _parts.Add(new Part
        {
            Tube = skirt, Paint = (p, n, u, a) => Patterned(pattern, baseColor, p) * ((u > 0.95f ? 0.75f : 1) * (0.9f + 0.1f * MathF.Sin(a * 10))),
            Bones = [Skeleton.Pelvis, Skeleton.LeftHip, Skeleton.RightHip, Skeleton.LeftKnee, Skeleton.RightKnee, Skeleton.Spine1],
            Solid = true, Keep = (p, n) => p.Y < top - 0.005f,
        });
    }

    /// <summary>A tutu: layers of stiff net standing out nearly flat from the hips, scalloped at the edge.</summary>
    void AddTutu()
    {
        float k = _k, g = _spec.Girth;
        float top = _waistY - 0.02f * k, hem = _waistY - 0.13f * k;
        float rTop = 0.15f * g * k, rHem = 0.36f * k;
        var col = _spec.BottomColor;
        for (int layer = 0; layer < 2; layer++)
        {
            float drop = layer * 0.035f * k;
            var shell = new Tube(new Vector3(0, top - drop, 0), new Vector3(0, hem - drop, 0), Vector3.UnitX, u =>
            {
                float r = rTop + (rHem - rTop) * MathF.Pow(u, 0.35f) - layer * 0.03f * k;
                return new Vector2(r, r * 0.9f) * (u > 0.985f ? 0 : 1);
            });
            _parts.Add(new Part
            {
                Tube = shell, Solid = false, Hideable = false, Opacity = 0.9f,
                Paint = (p, n, u, a) => col * (0.88f + 0.12f * MathF.Sin(a * 40 + layer)),
                Bones = [Skeleton.Pelvis, Skeleton.LeftHip, Skeleton.RightHip, Skeleton.Spine1],
                Keep = (p, n) => p.Y < top - drop - 0.005f && MathF.Sqrt(p.X * p.X + p.Z * p.Z) < rHem * (0.94f + 0.06f * MathF.Abs(MathF.Sin(MathF.Atan2(p.X, p.Z) * 12))),
            });
        }
    }
}
