using System.Numerics;
using C3V.Render;

namespace C3V.Tests.Render;

/// <summary>
/// The closed-form tile list of a splat (per tile row, the x-extent of its ellipse in the row's band) against
/// brute force over every pixel centre: no tile with a reached pixel may be missing, none listed twice, and
/// none listed whose pixels are all far outside the ellipse.
/// </summary>
public class TileBinningTests
{
    [Fact]
    public void TilesCoverEveryReachedPixel_AndOnlyNearbyTiles()
    {
        var camera = Camera.LookAt(new Vector3(0, 0, 3), Vector3.Zero, Vector3.UnitY, 1f, 100, 70);
        var cam = new CameraModel(camera, 0.01f);
        var rng = new Random(7);
        Span<int> dest = stackalloc int[cam.TilesX * cam.TilesY];
        int multiTile = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            // Random covariance: rotation θ, standard deviations 0.3 … 25 px (thin needles to wide blobs).
            float th = rng.NextSingle() * MathF.PI, s1 = 0.3f + 25 * rng.NextSingle() * rng.NextSingle(), s2 = 0.3f + 25 * rng.NextSingle() * rng.NextSingle();
            float co = MathF.Cos(th), si = MathF.Sin(th);
            float sxx = co * co * s1 * s1 + si * si * s2 * s2, syy = si * si * s1 * s1 + co * co * s2 * s2, sxy = co * si * (s1 * s1 - s2 * s2);
            float det = sxx * syy - sxy * sxy;
            var sp = TileRasterizer.Reaching(new ProjectedSplat
            {
                MeanX = -30 + 160 * rng.NextSingle(), MeanY = -30 + 130 * rng.NextSingle(),
                ConA = syy / det, ConB = -sxy / det, ConC = sxx / det, Opacity = 0.004f + 0.99f * rng.NextSingle(),
            });
            int n = TileRasterizer.Tiles(sp, cam, default, write: false);
            Assert.Equal(n, TileRasterizer.Tiles(sp, cam, dest, write: true));
            var listed = dest[..n].ToArray();
            Assert.Equal(n, listed.Distinct().Count());
            if (n > 1) multiTile++;

            // Nearest Mahalanobis² of each tile's pixel centres.
            var nearest = new float[cam.TilesX * cam.TilesY];
            Array.Fill(nearest, float.PositiveInfinity);
            for (int y = 0; y < cam.Height; y++)
                for (int x = 0; x < cam.Width; x++)
                {
                    float dx = x + 0.5f - sp.MeanX, dy = y + 0.5f - sp.MeanY;
                    float q = sp.ConA * dx * dx + 2 * sp.ConB * dx * dy + sp.ConC * dy * dy;
                    int t = y / TileRasterizer.TileSize * cam.TilesX + x / TileRasterizer.TileSize;
                    nearest[t] = MathF.Min(nearest[t], q);
                }
            for (int t = 0; t < nearest.Length; t++)
            {
                if (nearest[t] <= sp.Radius2) Assert.Contains(t, listed);
                // Not a bounding-box list: a tile of a multi-tile splat is listed only if the ellipse crosses its
                // band of pixel-centre rows above one of its pixel columns, so some pixel centre lies within ±½ px
                // in y of the ellipse. (A splat whose bounding box holds one tile's pixels is listed there untested.)
                if (n > 1 && listed.Contains(t))
                {
                    float bound = MathF.Sqrt(sp.Radius2 * 1.001f + 1e-3f) + MathF.Sqrt(sp.ConC) * 0.5f;
                    Assert.True(nearest[t] <= bound * bound * 1.0001f + 1e-3f, $"trial {trial}: tile {t} listed, nearest Q {nearest[t]}, reach {sp.Radius2}");
                }
            }
        }
        Assert.True(multiTile > 500, "the random splats must exercise the multi-tile path");
    }
}
