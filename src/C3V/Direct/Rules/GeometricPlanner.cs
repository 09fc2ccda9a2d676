using System.Numerics;
using System.Text.Json;

namespace C3V.Direct.Rules;

/// <summary>
/// The rule director's placement: the method's four steps (scale, start box, end box, N waypoints) answered
/// geometrically. The walkable part of the view is found from the rendered depth and the ground height
/// (a pixel is walkable when its camera ray meets the ground plane no farther than the rendered surface
/// there, i.e. nothing stands on that spot, and the world's walkable test agrees); start and end come from
/// the plan's hints (landmarks, other actors, image regions, the camera), and the path between them is a
/// smooth curve on the ground (a straight line only when asked) that keeps away from actors already placed
/// and keeps the whole box in frame. Each step is public so a chat director can fall back one step at a time.
/// </summary>
public sealed class GeometricPlanner
{
    /// <summary>Actors closer than this on the ground (metres) are pushed apart.</summary>
    const float Clearance = 0.9f;
    /// <summary>Side margin of the view, as a fraction of its width, that actors' boxes keep clear of (see <see cref="Context.Margin"/>).</summary>
    const float EdgeMargin = 0.05f;
    /// <summary>Gap (metres) left between an actor and the landmark it stands at, beyond both their footprints.</summary>
    const float LandmarkGap = 0.15f;
    /// <summary>
    /// Most of a landmark's extent (metres) an actor keeps clear of. A landmark's point is where one stands to be at
    /// it: for a small thing (a mower) that is the thing itself, so the actor stops its radius out; for a large one
    /// (a house, radius 4 m, its point in front of the door) the full radius would stop the actor metres short.
    /// What is solid is kept out by the walkable grid (the scene's obstacles) anyway.
    /// </summary>
    const float MaxLandmarkClearance = 1.0f;
    /// <summary>Distance (metres) a freely placed actor keeps from the paths of actors placed before it.</summary>
    const float PathGap = 2f;
    /// <summary>Distance (metres) between neighbours acting in place side by side: a natural gap between people, not the stage's width.</summary>
    const float SideBySide = 2f;

    /// <summary>Everything the steps share: the walkable cells of the view and how to lift pixels to the ground.</summary>
    public sealed class Context
    {
        internal Context(PlacementRequest request, List<Vector2> walkable, int cell)
        {
            Request = request;
            Walkable = walkable;
            Cell = cell;
        }

        public PlacementRequest Request { get; }
        /// <summary>Pixel centres of walkable cells (a coarse grid of the view).</summary>
        public IReadOnlyList<Vector2> Walkable { get; }
        internal int Cell { get; }
        /// <summary>What the planner had to compromise on (a landmark out of view, no visible ground).</summary>
        public List<string> Warnings { get; } = [];
        int W => Request.Camera.Width;
        int H => Request.Camera.Height;

        /// <summary>Where the camera ray through <paramref name="pixel"/> meets the ground plane, or null above the horizon.</summary>
        public Vector3? GroundPoint(Vector2 pixel)
        {
            var cam = Request.Camera;
            var o = cam.Position;
            var d = cam.RayDirection(pixel);
            if (MathF.Abs(d.Y) < 1e-6f) return null;
            float t = (Request.GroundHeight - o.Y) / d.Y;
            return t > 0 ? o + t * d : null;
        }

        /// <summary>Pixel of a ground point (continuous coordinates).</summary>
        public Vector2 Pixel(Vector3 world) => Request.Camera.Project(world).Pixel;

        /// <summary>The actor's box when its feet stand on ground point <paramref name="feet"/> (perspective size).</summary>
        public PixelBox BoxAt(Vector3 feet, float heightScale = 1f)
        {
            var actor = Request.Actor;
            var (bottom, depth) = Request.Camera.Project(feet);
            var (top, _) = Request.Camera.Project(feet + new Vector3(0, (float)actor.HeightMeters * heightScale, 0));
            float h = MathF.Max(2f, MathF.Abs(bottom.Y - top.Y));
            if (depth <= 0) h = 2f;
            return PixelBox.FromFeet(bottom, h * Aspect(actor.Category), h);
        }

        /// <summary>
        /// Side margin (pixels) kept between an actor's box and the view's left and right edges: the box is the
        /// body's, but swinging arms and the turn of the body reach past it, and the render's framing crops
        /// inside this view, so a box flush with the edge is cut in the video.
        /// </summary>
        public float Margin => EdgeMargin * W;

        /// <summary>Moves a box the least amount that puts it wholly inside the view, clear of the side margins (shrinking it if it cannot fit).</summary>
        public PixelBox Clamp(PixelBox b)
        {
            float m = MathF.Min(Margin, MathF.Max(0, (W - 1 - b.Width) / 2));
            float w = MathF.Min(b.Width, W - 1), h = MathF.Min(b.Height, H - 1);
            float left = Math.Clamp(b.Center.X - w / 2, m, W - w - m), top = Math.Clamp(b.Bottom - h, 0, H - h);
            return new PixelBox(left, top, left + w, top + h);
        }

        /// <summary>Whether the walkable cell grid holds <paramref name="pixel"/>.</summary>
        public bool IsWalkable(Vector2 pixel) => Walkable.Any(c => MathF.Abs(c.X - pixel.X) <= Cell * 0.5f + 0.01f && MathF.Abs(c.Y - pixel.Y) <= Cell * 0.5f + 0.01f);

        /// <summary>The walkable cell nearest (in pixels) to <paramref name="pixel"/> whose actor box fits in frame; the pixel itself when there is none.</summary>
        /// <param name="keepClear">A disc on the ground (centre, radius) the actor's feet must stay out of, e.g. the landmark it walks to.</param>
        public Vector2 NearestWalkable(Vector2 pixel, bool avoidOthers = false, (Vector3 Centre, float Radius)? keepClear = null)
        {
            var taken = avoidOthers ? Request.Placed.SelectMany(p => new[] { p.Start, p.End }).ToList() : [];
            Vector2 best = pixel;
            float bestD = float.PositiveInfinity;
            foreach (var c in Walkable)
            {
                float d = Vector2.DistanceSquared(c, pixel);
                if (d < bestD && Fits(c) && !taken.Any(b => Overlaps(b, c)) && !Inside(keepClear, c)) { bestD = d; best = c; }
            }
            return best;
        }

        bool Inside((Vector3 Centre, float Radius)? disc, Vector2 pixel) =>
            disc is { } k && GroundPoint(pixel) is { } g && new Vector2(g.X - k.Centre.X, g.Z - k.Centre.Z).Length() < k.Radius;

        /// <summary>Whether an actor standing at <paramref name="feet"/> would overlap box <paramref name="other"/> (feet within its footprint, widened).</summary>
        bool Overlaps(PixelBox other, Vector2 feet)
        {
            if (GroundPoint(feet) is not { } g) return false;
            var mine = BoxAt(g);
            return MathF.Abs(feet.X - other.BottomCenter.X) < (mine.Width + other.Width) / 2 && MathF.Abs(feet.Y - other.Bottom) < 0.25f * other.Height;
        }

        /// <summary>True when an actor standing at this pixel is seen whole (its box inside the view).</summary>
        public bool Fits(Vector2 feetPixel)
        {
            if (GroundPoint(feetPixel) is not { } g) return false;
            var b = BoxAt(g);
            return b.Top >= 0 && b.Left >= Margin && b.Right <= W - Margin && b.Bottom <= H;
        }

        /// <summary>Ground positions of the actors already placed, per waypoint index (bottom centres lifted to the ground).</summary>
        internal List<Vector3[]> Others() => Request.Placed.Select(p =>
            p.Waypoints.Select(w => GroundPoint(w.BottomCenter) ?? Vector3.Zero).ToArray()).ToList();
    }

    /// <summary>Box width over height: upright figures are narrow, four-legged animals long.</summary>
    static float Aspect(ActorCategory c) => c switch
    {
        ActorCategory.Animal => 1.3f,
        ActorCategory.Object => 1.0f,
        _ => 0.45f,
    };

    public Placement Place(PlacementRequest request)
    {
        var ctx = Prepare(request);
        var start = StartBox(ctx, null);
        double scale = start.Height / request.Camera.Height;
        var end = EndBox(ctx, start);
        var waypoints = Waypoints(ctx, start, end, request.WaypointCount);
        return new Placement
        {
            ActorId = request.Actor.Id,
            ReferenceView = request.ReferenceView,
            ViewWidth = request.Camera.Width,
            ViewHeight = request.Camera.Height,
            Scale = Math.Round(scale, 4),
            Start = waypoints[0],
            End = waypoints[^1],
            Waypoints = waypoints,
            Producer = "rules",
            Answers =
            [
                Answer(PlacementStep.Scale, new { scale = Math.Round(scale, 4) }),
                Answer(PlacementStep.Start, new { box = waypoints[0] }),
                Answer(PlacementStep.End, new { box = waypoints[^1] }),
                Answer(PlacementStep.Waypoints, new { waypoints }),
            ],
            Warnings = ctx.Warnings.ToList(),
        };
    }

    static StepAnswer Answer(PlacementStep step, object value) =>
        new() { Step = step, Source = StepSource.Planner, Raw = JsonSerializer.Serialize(value, Compact) };

    static readonly JsonSerializerOptions Compact = new(PlanJson.Options) { WriteIndented = false };

    /// <summary>Finds the walkable cells of the view (a grid of about 64 cells across).</summary>
    public Context Prepare(PlacementRequest request)
    {
        request.Check();
        var cam = request.Camera;
        int cell = Math.Max(2, Math.Min(cam.Width, cam.Height) / 64);
        var walkable = new List<Vector2>();
        var probe = new Context(request, walkable, cell);
        for (int y = cell / 2; y < cam.Height; y += cell)
            for (int x = cell / 2; x < cam.Width; x += cell)
            {
                var px = new Vector2(x + 0.5f, y + 0.5f);
                if (probe.GroundPoint(px) is not { } g) continue;
                float planeZ = cam.WorldToCamera(g).Z;
                if (planeZ > 200f) continue; // near the horizon: too far to stand on
                float depth = request.Depth[y * cam.Width + x];
                // Something nearer than the ground stands there (a wall, a tree, a table): not walkable. Where the
                // render has nothing, the ground plane is taken as given.
                if (float.IsFinite(depth) && depth > 0 && depth < planeZ * 0.97f - 0.05f) continue;
                if (request.IsWalkable is { } ok && !ok(g.X, g.Z)) continue;
                walkable.Add(px);
            }
        var ctx = new Context(request, walkable, cell);
        if (walkable.Count == 0) ctx.Warnings.Add("no walkable ground is visible in the reference view; boxes were placed in the lower half of the image");
        return ctx;
    }

    /// <summary>Step 1 as a number: the actor's height over the image height at the start the planner would pick.</summary>
    public double Scale(Context ctx) => StartBox(ctx, null).Height / ctx.Request.Camera.Height;

    /// <summary>Step 2: the start box, from the start hint (or a free spot), sized by perspective or by <paramref name="scale"/> when given.</summary>
    public PixelBox StartBox(Context ctx, double? scale)
    {
        var a = ctx.Request.Actor;
        var feet = SideBySideSpot(ctx) ?? Target(ctx, a.Start, isEnd: false, from: null) ?? DefaultStart(ctx);
        var box = BoxFor(ctx, feet);
        if (scale is { } s)
        {
            float h = (float)(s * ctx.Request.Camera.Height);
            box = PixelBox.FromFeet(box.BottomCenter, h * box.Width / box.Height, h);
        }
        return ctx.Clamp(box);
    }

    /// <summary>Step 3: the end box; the start box for actors that stay in place.</summary>
    public PixelBox EndBox(Context ctx, PixelBox start)
    {
        var a = ctx.Request.Actor;
        if (!a.Moving.Travels || a.Moving.Path == PathShape.InPlace) return start;
        var startFeet = start.BottomCenter;
        if (a.Moving.Path == PathShape.Around && (a.End is null || a.End.Landmark is not null && a.End.Landmark == a.Start?.Landmark))
            return start; // a loop ends where it began
        var feet = Target(ctx, a.End, isEnd: true, from: startFeet) ?? DefaultEnd(ctx, startFeet);
        var box = BoxFor(ctx, feet);
        // keep the size the start was given (a model's or the user's scale), corrected for perspective
        float ratio = start.Height / MathF.Max(1f, BoxFor(ctx, startFeet).Height);
        box = PixelBox.FromFeet(box.BottomCenter, box.Width * ratio, box.Height * ratio);
        return ctx.Clamp(box);
    }

    /// <summary>Step 4: N boxes from start to end along a smooth ground path, kept apart from other actors and in frame.</summary>
    public IReadOnlyList<PixelBox> Waypoints(Context ctx, PixelBox start, PixelBox end, int n)
    {
        var a = ctx.Request.Actor;
        var cam = ctx.Request.Camera;
        var s = ctx.GroundPoint(start.BottomCenter);
        var e = ctx.GroundPoint(end.BottomCenter);
        var boxes = new PixelBox[n];
        if (s is null || e is null || !a.Moving.Travels || a.Moving.Path == PathShape.InPlace)
        {
            // no ground to walk on (or staying put): interpolate the boxes in the image
            for (int i = 0; i < n; i++) boxes[i] = Lerp(start, end, i / (float)(n - 1));
            return boxes;
        }
        float ratio = start.Height / MathF.Max(1f, ctx.BoxAt(s.Value).Height);
        var points = GroundPath(ctx, s.Value, e.Value, n);
        Separate(ctx, points);
        for (int i = 0; i < n; i++)
        {
            var b = ctx.BoxAt(points[i]);
            boxes[i] = ctx.Clamp(PixelBox.FromFeet(b.BottomCenter, b.Width * ratio, b.Height * ratio));
        }
        boxes[0] = start;
        boxes[^1] = end;
        return boxes;
    }

    static PixelBox Lerp(PixelBox a, PixelBox b, float t) => new(
        a.Left + (b.Left - a.Left) * t, a.Top + (b.Top - a.Top) * t, a.Right + (b.Right - a.Right) * t, a.Bottom + (b.Bottom - a.Bottom) * t);

    static PixelBox BoxFor(Context ctx, Vector2 feetPixel)
    {
        if (ctx.GroundPoint(feetPixel) is { } g) return ctx.BoxAt(g);
        float h = ctx.Request.Camera.Height * 0.3f;
        return PixelBox.FromFeet(feetPixel, h * Aspect(ctx.Request.Actor.Category), h);
    }

    /// <summary>The ground path: a curve in the ground plane whose shape the plan asks for.</summary>
    List<Vector3> GroundPath(Context ctx, Vector3 s, Vector3 e, int n)
    {
        var a = ctx.Request.Actor;
        var pts = new List<Vector3>(n);
        var d = e - s;
        float len = new Vector2(d.X, d.Z).Length();
        var perp = len > 1e-3f ? Vector3.Normalize(new Vector3(-d.Z, 0, d.X)) : Vector3.UnitX;
        switch (a.Moving.Path)
        {
            case PathShape.Around:
            {
                // a loop around the landmark (or a point beside the start) back to the start
                var centre = AroundCentre(ctx, s, e);
                var r0 = s - centre;
                float radius = MathF.Max(0.8f, new Vector2(r0.X, r0.Z).Length());
                float a0 = MathF.Atan2(r0.Z, r0.X);
                var re = e - centre;
                float a1 = MathF.Atan2(re.Z, re.X);
                float sweep = a1 - a0;
                while (sweep <= 0.5f) sweep += 2 * MathF.PI; // at least the rest of the way round, counter-clockwise
                for (int i = 0; i < n; i++)
                {
                    float t = i / (float)(n - 1);
                    float ang = a0 + sweep * t;
                    float rr = radius + (new Vector2(re.X, re.Z).Length() - radius) * t;
                    pts.Add(new Vector3(centre.X + rr * MathF.Cos(ang), ctx.Request.GroundHeight, centre.Z + rr * MathF.Sin(ang)));
                }
                return pts;
            }
            case PathShape.Straight:
                for (int i = 0; i < n; i++) pts.Add(Vector3.Lerp(s, e, i / (float)(n - 1)));
                return pts;
            case PathShape.Zigzag:
                for (int i = 0; i < n; i++)
                {
                    float t = i / (float)(n - 1);
                    pts.Add(Vector3.Lerp(s, e, t) + perp * (0.12f * len * MathF.Sin(t * 3 * 2 * MathF.PI)));
                }
                return pts;
            default:
            {
                // a quadratic Bézier bowing to the side with more free ground (a gentle curve, or a stronger one when asked)
                float bow = (a.Moving.Path == PathShape.Curved ? 0.3f : 0.15f) * len;
                float side = BowSide(ctx, s, e, perp, bow);
                var control = (s + e) / 2 + perp * (side * bow * 2); // the curve reaches half the control offset
                for (int i = 0; i < n; i++)
                {
                    float t = i / (float)(n - 1);
                    pts.Add((1 - t) * (1 - t) * s + 2 * (1 - t) * t * control + t * t * e);
                }
                return pts;
            }
        }
    }

    /// <summary>Which side (+1/−1) the curve bows to: the one whose midpoint is walkable, in frame and farther from others.</summary>
    static float BowSide(Context ctx, Vector3 s, Vector3 e, Vector3 perp, float bow)
    {
        var others = ctx.Others();
        float Score(float sign)
        {
            var mid = (s + e) / 2 + perp * (sign * bow);
            var px = ctx.Pixel(mid);
            float score = ctx.Fits(px) ? 1 : 0;
            if (ctx.IsWalkable(px)) score += 1;
            foreach (var o in others) score += MathF.Min(1f, Vector3.Distance(o[o.Length / 2], mid) / 3f);
            return score;
        }
        return Score(1) >= Score(-1) ? 1 : -1;
    }

    static Vector3 AroundCentre(Context ctx, Vector3 s, Vector3 e)
    {
        var a = ctx.Request.Actor;
        var name = a.Start?.Landmark ?? a.End?.Landmark;
        if (name is not null && ProjectedLandmark.Find(ctx.Request.Landmarks, name) is { } lm)
            return lm.World with { Y = ctx.Request.GroundHeight };
        // no landmark: circle around a point 1.5 m beside the start, on the side away from the camera
        var toward = ctx.Request.Camera.Forward with { Y = 0 };
        toward = toward.LengthSquared() > 1e-6f ? Vector3.Normalize(toward) : Vector3.UnitZ;
        return s + toward * 1.5f;
    }

    /// <summary>Pushes path points away from other actors at the same moment (same waypoint index) and from their paths overall.</summary>
    static void Separate(Context ctx, List<Vector3> points)
    {
        var others = ctx.Others();
        if (others.Count == 0) return;
        for (int i = 1; i < points.Count - 1; i++)
        {
            var p = points[i];
            foreach (var o in others)
            {
                var q = o[Math.Min(o.Length - 1, i * o.Length / points.Count)];
                var d = new Vector3(p.X - q.X, 0, p.Z - q.Z);
                float dist = d.Length();
                if (dist < Clearance)
                {
                    var dir = dist > 1e-4f ? d / dist : Vector3.UnitX;
                    p += dir * (Clearance - dist);
                }
            }
            points[i] = p;
        }
    }

    /// <summary>The feet pixel a hint points at, or null when the hint is empty or cannot be found in the view.</summary>
    Vector2? Target(Context ctx, SpatialHint? hint, bool isEnd, Vector2? from)
    {
        if (hint is null || hint.IsEmpty) return null;
        var cam = ctx.Request.Camera;
        if (hint.Actor is { } otherId && ctx.Request.Placed.FirstOrDefault(p => p.ActorId == otherId) is { } other)
        {
            // stand beside the other actor where it ends (or starts), on the side this actor comes from
            var box = isEnd ? other.End : other.Start;
            if (ctx.GroundPoint(box.BottomCenter) is { } g)
            {
                var side = cam.CameraToWorld(new Vector3(1, 0, 0)) - cam.Position;
                side = Vector3.Normalize(side with { Y = 0 });
                float sign = from is { } f && f.X < box.BottomCenter.X ? -1 : 1;
                return ctx.NearestWalkable(ctx.Pixel(g + side * (sign * Clearance * 1.2f)));
            }
        }
        if (hint.Landmark is { } name)
        {
            var lm = ProjectedLandmark.Find(ctx.Request.Landmarks, name);
            if (lm is not null && lm.Depth > 0)
            {
                var ground = lm.World with { Y = ctx.Request.GroundHeight };
                var toCam = cam.Position - ground;
                toCam = new Vector3(toCam.X, 0, toCam.Z);
                toCam = toCam.LengthSquared() > 1e-6f ? Vector3.Normalize(toCam) : Vector3.UnitZ;
                var right = Vector3.Normalize(new Vector3(-toCam.Z, 0, toCam.X));
                // Standing at a thing means beside it, not in it: its footprint, the actor's and a gap.
                float clear = MathF.Min(lm.Radius, MaxLandmarkClearance) + FootprintRadius(ctx.Request.Actor) + LandmarkGap;
                // "at"/"near": a step in front of it (towards the camera) so the actor is seen beside it; walking to
                // it, on the side the actor comes from, turned towards the camera so it is not hidden behind it
                var side = hint.Relation switch
                {
                    SpatialRelation.Behind => -toCam,
                    SpatialRelation.LeftOf => right,
                    SpatialRelation.RightOf => -right,
                    SpatialRelation.On => Vector3.Zero,
                    _ when isEnd && from is { } f && ctx.GroundPoint(f) is { } comesFrom && Horizontal(comesFrom - ground) is { } back && back.LengthSquared() > 1e-4f
                        && Horizontal(Vector3.Normalize(back) + toCam) is { } blend && blend.LengthSquared() > 1e-4f => Vector3.Normalize(blend),
                    _ => toCam,
                };
                float reach = hint.Relation is SpatialRelation.Behind or SpatialRelation.LeftOf or SpatialRelation.RightOf ? 1.0f : 0.8f;
                var offset = side * MathF.Max(reach, clear);
                var px = ctx.Pixel(ground + offset);
                var walk = ctx.NearestWalkable(px, keepClear: hint.Relation == SpatialRelation.On ? null : (ground, clear));
                if (hint.Region is { } r && !InRegion(cam, walk, r)) ctx.Warnings.Add($"landmark '{name}' is not in the {Names(r)} part of the view as the plan says; the landmark was used");
                return walk;
            }
            if (hint.Region is null)
            {
                ctx.Warnings.Add($"landmark '{name}' is not visible in the reference view; a free spot was used instead");
                return null;
            }
        }
        if (hint.Region is { } region)
        {
            var anchor = RegionAnchor(cam, region);
            if (ctx.Walkable.Count == 0) return anchor;
            // the walkable cell nearest the anchor that is clear of the actors already placed
            return ctx.NearestWalkable(anchor, avoidOthers: true);
        }
        return null;
    }

    static Vector3 Horizontal(Vector3 v) => new(v.X, 0, v.Z);

    static bool Intersect(PixelBox a, PixelBox b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    /// <summary>Radius (metres) of the ground an actor covers: about the shoulders' half-span for an upright figure.</summary>
    static float FootprintRadius(ActorPlan a) => (float)a.HeightMeters * a.Category switch
    {
        ActorCategory.Animal => 0.6f,
        ActorCategory.Object => 0.5f,
        _ => 0.17f,
    };

    static string Names(ImageRegion r) => JsonSerializer.Serialize(r, PlanJson.Options).Trim('"');

    static bool InRegion(Render.Camera cam, Vector2 p, ImageRegion r)
    {
        var anchor = RegionAnchor(cam, r);
        return Vector2.Distance(anchor, p) < 0.35f * MathF.Max(cam.Width, cam.Height);
    }

    /// <summary>The point of the image a region word means (feet position).</summary>
    static Vector2 RegionAnchor(Render.Camera cam, ImageRegion r)
    {
        float w = cam.Width, h = cam.Height;
        return r switch
        {
            ImageRegion.Left => new(0.18f * w, 0.75f * h),
            ImageRegion.Right => new(0.82f * w, 0.75f * h),
            ImageRegion.Center => new(0.5f * w, 0.72f * h),
            ImageRegion.Background => new(0.5f * w, 0.55f * h),
            ImageRegion.Foreground => new(0.5f * w, 0.95f * h),
            ImageRegion.TopLeft => new(0.18f * w, 0.55f * h),
            ImageRegion.TopRight => new(0.82f * w, 0.55f * h),
            ImageRegion.BottomLeft => new(0.15f * w, 0.93f * h),
            ImageRegion.BottomRight => new(0.85f * w, 0.93f * h),
            _ => new(0.5f * w, 0.75f * h),
        };
    }

    /// <summary>An actor that stays in place with no landmark or actor to stand at, and at most a side of the view for a hint.</summary>
    static bool StandsFree(ActorPlan a) =>
        (!a.Moving.Travels || a.Moving.Path == PathShape.InPlace) && (a.Start is null || a.Start.Landmark is null && a.Start.Actor is null
            && a.Start.Region is null or ImageRegion.Left or ImageRegion.Right or ImageRegion.Center);

    /// <summary>−1 for an actor asked to be on the left, +1 on the right, 0 otherwise.</summary>
    static int SideOf(ActorPlan a) => a.Start?.Region switch { ImageRegion.Left => -1, ImageRegion.Right => 1, _ => 0 };

    /// <summary>
    /// Where an actor acting in place stands when others of the plan do too (two dancers, "an alien on the
    /// right while a robot on the left"): side by side, <see cref="SideBySide"/> metres apart along the view's
    /// horizontal, centred in the view and in left-to-right order (the hinted sides, then plan order), so the
    /// shot can frame the group closely instead of two small figures at the ends of the stage. Null when the
    /// actor is not one of two or more such actors.
    /// </summary>
    static Vector2? SideBySideSpot(Context ctx)
    {
        var r = ctx.Request;
        var group = r.Plan.Actors.Where(StandsFree).Select((a, i) => (Actor: a, Index: i)).OrderBy(x => SideOf(x.Actor)).ThenBy(x => x.Index).ToList();
        int k = group.FindIndex(x => x.Actor.Id == r.Actor.Id);
        if (k < 0 || group.Count < 2) return null;
        var cam = r.Camera;
        if (ctx.GroundPoint(ctx.NearestWalkable(RegionAnchor(cam, ImageRegion.Center))) is not { } centre) return null;
        var right = Vector3.Normalize(Horizontal(cam.CameraToWorld(new Vector3(1, 0, 0)) - cam.Position));
        float spacing = SideBySide * MathF.Max(1f, group.Max(x => FootprintRadius(x.Actor)) / 0.3f);
        var spot = centre + right * ((k - (group.Count - 1) / 2f) * spacing);
        return ctx.NearestWalkable(ctx.Pixel(spot), avoidOthers: true);
    }

    /// <summary>A free start: actors spread left to right in plan order, away from those already placed.</summary>
    static Vector2 DefaultStart(Context ctx)
    {
        var r = ctx.Request;
        var cam = r.Camera;
        int index = Math.Max(0, r.Plan.Actors.ToList().FindIndex(a => a.Id == r.Actor.Id));
        int count = r.Plan.Actors.Count;
        bool travels = r.Actor.Moving.Travels && r.Actor.Moving.Path != PathShape.InPlace;
        float fx = travels && r.Actor.Moving.Path == PathShape.Across ? (index % 2 == 0 ? 0.15f : 0.85f) : (index + 1f) / (count + 1f);
        if (travels && r.Actor.End?.Region is ImageRegion.Right or ImageRegion.BottomRight or ImageRegion.TopRight) fx = 0.15f;
        if (travels && r.Actor.End?.Region is ImageRegion.Left or ImageRegion.BottomLeft or ImageRegion.TopLeft) fx = 0.85f;
        var anchor = new Vector2(fx * cam.Width, 0.78f * cam.Height);
        if (ctx.Walkable.Count == 0) return anchor;
        // among the walkable cells near the anchor, prefer ones far from the actors placed so far, and well off
        // their paths (standing on another's path, one would be walked through)
        var others = r.Placed.Select(p => p.Start.BottomCenter).ToList();
        var paths = ctx.Others();
        Vector2 best = ctx.NearestWalkable(anchor);
        float bestScore = float.NegativeInfinity;
        foreach (var c in ctx.Walkable)
        {
            if (!ctx.Fits(c) || ctx.GroundPoint(c) is not { } g) continue;
            float score = -Vector2.Distance(c, anchor) / cam.Width;
            foreach (var o in others) score += MathF.Min(0.3f, Vector2.Distance(c, o) / cam.Width);
            foreach (var path in paths) score -= 0.5f * MathF.Max(0, PathGap - path.Min(q => Horizontal(q - g).Length()));
            // nor in front of (or behind) them in the image at any moment: one would hide the other
            var mine = ctx.BoxAt(g);
            foreach (var p in r.Placed) score -= 0.5f * p.Waypoints.Count(b => Intersect(mine, b)) / (float)p.Waypoints.Count;
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return best;
    }

    /// <summary>A free end for a traveller without an end hint: a few metres away, across the view when asked.</summary>
    static Vector2 DefaultEnd(Context ctx, Vector2 startFeet)
    {
        var r = ctx.Request;
        var cam = r.Camera;
        if (r.Actor.Moving.Path == PathShape.Across || r.Actor.Moving.Path == PathShape.Zigzag)
            return ctx.NearestWalkable(new Vector2(startFeet.X < cam.Width / 2f ? 0.85f * cam.Width : 0.15f * cam.Width, startFeet.Y));
        if (r.Actor.Moving.Path == PathShape.Around) return startFeet;
        // walk about speed × duration (capped), towards the side of the view with more room
        if (ctx.GroundPoint(startFeet) is not { } s) return new Vector2(cam.Width - startFeet.X, startFeet.Y);
        float distance = (float)Math.Min(6, 1.2 * r.Plan.DurationSeconds);
        var right = Vector3.Normalize((cam.CameraToWorld(new Vector3(1, 0, 0)) - cam.Position) with { Y = 0 });
        var fwd = Vector3.Normalize(cam.Forward with { Y = 0 });
        float sx = startFeet.X < cam.Width / 2f ? 1 : -1;
        var dir = Vector3.Normalize(right * sx + fwd * 0.4f);
        for (float d = distance; d > 0.5f; d *= 0.75f)
        {
            var px = ctx.Pixel(s + dir * d);
            if (ctx.Fits(px) && (ctx.Walkable.Count == 0 || ctx.IsWalkable(px))) return px;
        }
        return ctx.NearestWalkable(ctx.Pixel(s + dir * distance));
    }
}
