using System.Numerics;
using System.Text.Json;
using C3V.Common;

namespace C3V.Render;

/// <summary>
/// A pinhole camera in the OpenCV convention (x right, y down, z forward): a point p in world space is
/// seen at camera coordinates c = R·p + t and at pixel (fx·cx/cz + Cx, fy·cy/cz + Cy), pixel centres at
/// (x + 0.5, y + 0.5). R is stored row-major (<see cref="R"/>[row*3 + col]) to match the cameras files.
/// </summary>
public sealed record Camera
{
    public int Width { get; init; }
    public int Height { get; init; }
    public float Fx { get; init; }
    public float Fy { get; init; }
    public float Cx { get; init; }
    public float Cy { get; init; }
    /// <summary>World-to-camera rotation, row-major 3×3.</summary>
    public float[] R { get; init; } = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    /// <summary>World-to-camera translation.</summary>
    public Vector3 T { get; init; }

    /// <summary>World → camera coordinates.</summary>
    public Vector3 WorldToCamera(Vector3 p) => new(
        R[0] * p.X + R[1] * p.Y + R[2] * p.Z + T.X,
        R[3] * p.X + R[4] * p.Y + R[5] * p.Z + T.Y,
        R[6] * p.X + R[7] * p.Y + R[8] * p.Z + T.Z);

    /// <summary>Camera → world coordinates (Rᵀ·(c − t)).</summary>
    public Vector3 CameraToWorld(Vector3 c)
    {
        var d = c - T;
        return new(R[0] * d.X + R[3] * d.Y + R[6] * d.Z,
                   R[1] * d.X + R[4] * d.Y + R[7] * d.Z,
                   R[2] * d.X + R[5] * d.Y + R[8] * d.Z);
    }

    /// <summary>Camera centre in world space.</summary>
    public Vector3 Position => CameraToWorld(Vector3.Zero);
    /// <summary>Viewing direction (camera +z) in world space.</summary>
    public Vector3 Forward => new(R[6], R[7], R[8]);

    /// <summary>Projects a world point: pixel coordinates (continuous, centres at +0.5) and depth along z.</summary>
    public (Vector2 Pixel, float Depth) Project(Vector3 world)
    {
        var c = WorldToCamera(world);
        return (new Vector2(Fx * c.X / c.Z + Cx, Fy * c.Y / c.Z + Cy), c.Z);
    }

    /// <summary>The world point seen at pixel (u, v) (continuous coordinates) at z-depth <paramref name="depth"/>.</summary>
    public Vector3 Unproject(Vector2 pixel, float depth) =>
        CameraToWorld(new Vector3((pixel.X - Cx) / Fx * depth, (pixel.Y - Cy) / Fy * depth, depth));

    /// <summary>World-space unit ray direction through pixel (u, v).</summary>
    public Vector3 RayDirection(Vector2 pixel) => Vector3.Normalize(Unproject(pixel, 1f) - Position);

    /// <summary>Vertical field of view in radians.</summary>
    public float FovY => 2f * MathF.Atan(Height / (2f * Fy));
    public float FovX => 2f * MathF.Atan(Width / (2f * Fx));

    /// <summary>
    /// The same camera at another image size, intrinsics scaled per axis (as gsplat's profiler does), so
    /// the field of view is kept and the aspect ratio may change.
    /// </summary>
    public Camera Resized(int width, int height)
    {
        float sx = width / (float)Width, sy = height / (float)Height;
        return this with { Width = width, Height = height, Fx = Fx * sx, Cx = Cx * sx, Fy = Fy * sy, Cy = Cy * sy };
    }

    /// <summary>
    /// A camera at <paramref name="eye"/> looking at <paramref name="target"/> with <paramref name="up"/>
    /// pointing up in the image (world is Y-up by the project's convention), vertical field of view in radians.
    /// </summary>
    public static Camera LookAt(Vector3 eye, Vector3 target, Vector3 up, float fovY, int width, int height)
    {
        var z = Vector3.Normalize(target - eye);
        var x = Vector3.Cross(z, up);
        if (x.LengthSquared() < 1e-12f) x = Vector3.Cross(z, MathF.Abs(z.X) < 0.9f ? Vector3.UnitX : Vector3.UnitZ);
        x = Vector3.Normalize(x);
        var y = Vector3.Cross(z, x); // image down
        float f = height / (2f * MathF.Tan(fovY / 2f));
        float[] r = [x.X, x.Y, x.Z, y.X, y.Y, y.Z, z.X, z.Y, z.Z];
        var t = -new Vector3(Vector3.Dot(x, eye), Vector3.Dot(y, eye), Vector3.Dot(z, eye));
        return new Camera { Width = width, Height = height, Fx = f, Fy = f, Cx = width / 2f, Cy = height / 2f, R = r, T = t };
    }

    /// <summary>
    /// Reads a cameras file: a JSON list of {width, height, fx, fy, cx, cy, world_to_camera (4×4, rows)},
    /// the format of ../shared/bench/garden.cameras.json.
    /// </summary>
    public static IReadOnlyList<Camera> LoadJson(string path)
    {
        UserPath.Full(path, "cameras file");
        UserPath.CheckReadable(path, "cameras file");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InvalidFileException(path, $"cannot be read ({e.Message})"); }
        catch (JsonException e) { throw new InvalidFileException(path, $"not valid JSON ({e.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new InvalidFileException(path, "expected a JSON list of cameras");
            var list = new List<Camera>();
            int i = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                list.Add(ParseCamera(path, i, e));
                i++;
            }
            if (list.Count == 0) throw new InvalidFileException(path, "the list of cameras is empty");
            return list;
        }
    }

    /// <summary>Writes cameras in the format <see cref="LoadJson"/> reads.</summary>
    public static string ToJson(IEnumerable<Camera> cameras)
    {
        var items = cameras.Select(c => new
        {
            width = c.Width, height = c.Height, fx = c.Fx, fy = c.Fy, cx = c.Cx, cy = c.Cy,
            world_to_camera = new[]
            {
                new[] { c.R[0], c.R[1], c.R[2], c.T.X }, new[] { c.R[3], c.R[4], c.R[5], c.T.Y },
                new[] { c.R[6], c.R[7], c.R[8], c.T.Z }, new[] { 0f, 0f, 0f, 1f },
            },
        });
        return JsonSerializer.Serialize(items, new JsonSerializerOptions { WriteIndented = true });
    }

    static Camera ParseCamera(string path, int index, JsonElement e)
    {
        string where = $"camera {index}";
        float Num(string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number)
                throw new InvalidFileException(path, $"{where}: missing number '{name}'");
            // TryGetSingle refuses numbers beyond float's range (1e39) where GetSingle would throw
            if (!v.TryGetSingle(out float f) || !float.IsFinite(f)) throw new InvalidFileException(path, $"{where}: '{name}' is not a finite number");
            return f;
        }
        float width = Num("width"), height = Num("height");
        const int max = GaussianRasterizer.MaxImageSide;
        if (width is < 1 or > max || height is < 1 or > max || width != MathF.Floor(width) || height != MathF.Floor(height))
            throw new InvalidFileException(path, $"{where}: width and height must be whole numbers of pixels in 1..{max}");
        int w = (int)width, h = (int)height;
        float fx = Num("fx"), fy = Num("fy"), cx = Num("cx"), cy = Num("cy");
        if (fx <= 0 || fy <= 0) throw new InvalidFileException(path, $"{where}: fx and fy must be positive");
        if (!e.TryGetProperty("world_to_camera", out var m) || m.ValueKind != JsonValueKind.Array || m.GetArrayLength() < 3)
            throw new InvalidFileException(path, $"{where}: 'world_to_camera' must be a 4×4 (or 3×4) list of rows");
        var rows = new float[3][];
        for (int r = 0; r < 3; r++)
        {
            var row = m[r];
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != 4 || row.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
                throw new InvalidFileException(path, $"{where}: world_to_camera row {r} must hold 4 numbers");
            rows[r] = row.EnumerateArray().Select(v => v.TryGetSingle(out float f) ? f : float.NaN).ToArray();
            if (rows[r].Any(v => !float.IsFinite(v))) throw new InvalidFileException(path, $"{where}: world_to_camera row {r} is not finite");
        }
        return new Camera
        {
            Width = w, Height = h, Fx = fx, Fy = fy, Cx = cx, Cy = cy,
            R = [rows[0][0], rows[0][1], rows[0][2], rows[1][0], rows[1][1], rows[1][2], rows[2][0], rows[2][1], rows[2][2]],
            T = new Vector3(rows[0][3], rows[1][3], rows[2][3]),
        };
    }
}
