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
        if (_spec.Top == TopKind.Jacket && p.Y < _waistY && p.Y > _waistY - 0.1f * _k) below = false;
        if (below)
        {
            if (_spec.Top is TopKind.Dress or TopKind.Robe) return Top;
            if (_spec.Bottom == BottomKind.None) return Skin;
            return MathF.Abs(p.Y - (_waistY - 0.015f * _k)) < 0.012f * _k && _spec.Bottom == BottomKind.Trousers ? new Vector3(0.12f, 0.1f, 0.08f) : Bottom;
        }
        if (_spec.Top == TopKind.None) return Skin;
        // Necklines: T-shirts and dresses show a little skin at the collar; jackets show the shirt down the front.
        float neckY = _p[Skeleton.Neck].Y;
        if (_spec.Top is TopKind.TShirt or TopKind.Dress && p.Y > neckY - 0.035f * _k && p.Z > 0) return Skin;
        if (_spec.Top == TopKind.Jacket && p.Z > 0 && MathF.Abs(p.X) < 0.035f * _k + (p.Y - _waistY) * 0.08f) return new Vector3(0.92f, 0.92f, 0.9f);
        if (_spec.Top == TopKind.Shirt && p.Z > 0 && MathF.Abs(p.X) < 0.004f * _k && ((int)(p.Y / (0.06f * _k)) & 1) == 0) return Top * 0.6f;
        return Top;
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
        if (_spec.Top == TopKind.Armor) return RobotPanel(p, c);
        return c;
    }

    Vector3 ArmColor(int side, Vector3 p, float along)
    {
        if (Robot) return RobotPanel(p, Skin);
        if (FullSuit) return SuitDetail(p, Vector3.Zero, Top);
        float sleeve = _spec.Top switch
        {
            TopKind.TShirt => 0.22f, TopKind.Dress => 0.12f,
            TopKind.Shirt or TopKind.Sweater or TopKind.Jacket or TopKind.Robe => 1.01f,
            _ => 0f,
        };
        if (along < sleeve) return _spec.Top == TopKind.Sweater && along > 0.97f ? Top * 0.8f : Top;
        return Skin;
    }

    Vector3 LegColor(Vector3 p, float along)
    {
        if (Robot) return RobotPanel(p, Skin);
        if (FullSuit) return SuitDetail(p, Vector3.Zero, Top);
        return _spec.Bottom switch
        {
            BottomKind.Trousers => Bottom,
            BottomKind.Shorts => along < 0.26f ? Bottom : Skin,
            _ => Skin,
        };
    }


    void AddGarmentShells()
    {
        float k = _k, g = _spec.Girth;
        float hemY = _spec.Top switch
        {
            TopKind.Robe => 0.06f * k,
            TopKind.Dress => _p[Skeleton.LeftKnee].Y - (_spec.Kind == AvatarKind.Fairy ? -0.02f : 0.06f) * k,
            _ => _spec.Bottom == BottomKind.Skirt ? _p[Skeleton.LeftKnee].Y + 0.07f * k : float.NaN,
        };
        if (float.IsNaN(hemY)) return;
        var color = _spec.Top is TopKind.Dress or TopKind.Robe ? Top : Bottom;
        float top = _waistY + 0.02f * k;
        float rTop = 0.15f * g * k * (_spec.Feminine ? 1.05f : 1), rHem = (_spec.Top == TopKind.Robe ? 0.3f : 0.27f) * k * MathF.Sqrt(g);
        var skirt = new Tube(new Vector3(0, top, 0), new Vector3(0, hemY, 0.01f * k), Vector3.UnitX, u =>
        {
            float r = rTop + (rHem - rTop) * MathF.Sqrt(u);
            return new Vector2(r, r * 0.78f) * (u > 0.985f ? 0.0f : 1);
        });
        // Soft vertical folds in the cloth; the hem is darker.
        _parts.Add(new Part
        {
            Tube = skirt, Paint = (p, n, u, a) => color * ((u > 0.95f ? 0.75f : 1) * (0.9f + 0.1f * MathF.Sin(a * 10))),
            Bones = [Skeleton.Pelvis, Skeleton.LeftHip, Skeleton.RightHip, Skeleton.LeftKnee, Skeleton.RightKnee, Skeleton.Spine1],
            Solid = true, Keep = (p, n) => p.Y < top - 0.005f,
        });
    }

}
