using System.Diagnostics;
using System.Numerics;
using C3V.Direct;
using C3V.Output;
using C3V.Render;

namespace C3V.Compose;

/// <summary>Options of <see cref="Refiner"/>. Loss weights multiply unweighted terms that are each about 1 when badly off.</summary>
public sealed record RefineOptions
{
    public int Iterations { get; init; } = 40;
    /// <summary>Long side in pixels of the optimisation renders (the reference view is resized to it).</summary>
    public int Resolution { get; init; } = 256;
    /// <summary>Adam's step in the raw (pre-sigmoid) parameters.</summary>
    public float LearningRate { get; init; } = 0.15f;
    /// <summary>
    /// Cap (metres) on a waypoint's step per iteration. Adam's first steps are about the learning rate in raw
    /// units whatever the gradient, i.e. lr·τ/4 metres: 4.5 cm when τ is 1.2 m, but 0.7 m in a scene of 180 m,
    /// which throws every waypoint about. The offsets' raw rate is lowered to keep the step near this.
    /// </summary>
    public float OffsetStep { get; init; } = 0.04f;
    /// <summary>Bound of each waypoint's offset (metres, total width: ±τ/2); null: 0.1 × the scene's extent, as in the method.</summary>
    public float? OffsetTau { get; init; }
    /// <summary>Bound of the scale as a fraction of the lifted scale (total width: ±τ/2).</summary>
    public float ScaleTau { get; init; } = 0.1f;
    public float BoxWeight { get; init; } = 1f;
    public float GroundWeight { get; init; } = 1f;
    public float PenetrationWeight { get; init; } = 1f;
    public float InFrameWeight { get; init; } = 1f;
    public float SmoothnessWeight { get; init; } = 0.3f;
    public float PriorWeight { get; init; } = 1f;
    /// <summary>Optional image prior (e.g. score distillation); null: the embedded geometric losses only.</summary>
    public IImagePrior? Prior { get; init; }
    /// <summary>Frames rendered for the prior per iteration (at random times).</summary>
    public int PriorFrames { get; init; } = 1;
    /// <summary>Times per actor at which contact, separation and framing are checked.</summary>
    public int Samples { get; init; } = 24;
    public int Seed { get; init; }
    /// <summary>Actors with more Gaussians are optimised through a decimated stand-in (<see cref="ComposedActor.Decimated"/>).</summary>
    public int MaxActorGaussians { get; init; } = 3000;
    /// <summary>Worker threads (null: all cores).</summary>
    public int? Threads { get; init; }
    public TimingOptions Timing { get; init; } = new();
}

/// <summary>One actor to refine: where lifting put it, and the director's boxes at its waypoints (pixels of the scene camera).</summary>
/// <param name="Boxes">One box per waypoint, or empty for no box agreement.</param>
/// <param name="Visible">Whether the plan wants the actor inside the frame.</param>
public sealed record RefineActor(ComposedActor Actor, ActorLayout Start, IReadOnlyList<PixelBox> Boxes, bool Visible = true);

public sealed record RefineResult(IReadOnlyList<ActorLayout> Layouts, IReadOnlyList<RefinementReport> Reports);

/// <summary>
/// Stage 4 of the method: per actor, a scale offset and a 3D offset per waypoint, each in the bounded form
/// value = initial + sigmoid(raw)·τ − τ/2, optimised with Adam. Losses (each weighted and reported):
/// box agreement — the actor's rendered silhouette should span its director box at every waypoint,
/// differentiated through the rasterizer to the actor's transform; ground contact — lowest foot Gaussians on
/// the ground when the clip plants a foot; penetration — overlap of actors' bounding capsules with each
/// other and with scene obstacles; in-frame — feet and head inside the image; smoothness (bending) of the path;
/// and an optional image prior. Rotation is not optimised: actors face along their smoothed path. The best
/// iterate (lowest total, the lifted start included) is kept, so refinement never makes things worse.
/// </summary>
public static class Refiner
{
    public static readonly string[] TermNames = ["box", "ground", "penetration", "inFrame", "smoothness", "prior"];
    const int Box = 0, Ground = 1, Penetration = 2, InFrame = 3, Smooth = 4, Prior = 5, TermCount = 6;

    public static RefineResult Refine(ComposeScene scene, IReadOnlyList<RefineActor> actors, RefineOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new RefineOptions();
        if (options.Iterations < 0) throw new ArgumentOutOfRangeException(nameof(options), "iterations must be ≥ 0");
        if (options.Resolution is < 16 or > 4096) throw new ArgumentOutOfRangeException(nameof(options), "resolution must be 16..4096");
        foreach (var a in actors)
        {
            if (a.Start.Waypoints.Count == 0) throw new ArgumentException($"actor '{a.Actor.Id}' has no waypoints");
            if (a.Boxes.Count != 0 && a.Boxes.Count != a.Start.Waypoints.Count)
                throw new ArgumentException($"actor '{a.Actor.Id}': {a.Boxes.Count} boxes for {a.Start.Waypoints.Count} waypoints");
        }
        var sw = Stopwatch.StartNew();
        var problem = new RefineProblem(scene, actors, options);
        var raw = new float[problem.ParameterCount];
        var grad = new float[raw.Length];
        var adam = new Adam(raw.Length, options.LearningRate);
        var rng = new Random(options.Seed);
        double[][]? initial = null, best = null;
        float[][]? bestLifts = null;
        double bestObjective = double.PositiveInfinity;
        var bestRaw = (float[])raw.Clone();
        int bestIt = 0, it = 0;
        for (; ; it++)
        {
            var values = problem.Evaluate(raw, grad, rng, out double objective);
            initial ??= values;
            if (objective <= bestObjective)
            {
                bestObjective = objective; best = values; bestIt = it; bestLifts = problem.LastLifts;
                raw.CopyTo(bestRaw, 0);
            }
            if (it >= options.Iterations || cancellation.IsCancellationRequested) break;
            adam.Step(raw, grad, problem.Rates);
            problem.StandOnGround(raw, problem.LastLifts, raw);
        }
        // Adam leaves the feet within millimetres to a centimetre of the ground; the last step puts them on it.
        if (options.Iterations > 0)
        {
            var standing = problem.StandOnGround(bestRaw, bestLifts!, new float[bestRaw.Length]);
            var stood = problem.Evaluate(standing, grad, rng, out double standingObjective);
            if (standingObjective <= bestObjective)
            {
                best = stood;
                bestRaw = standing;
            }
        }
        var layouts = problem.Layouts(bestRaw);
        var reports = new RefinementReport[actors.Count];
        for (int a = 0; a < actors.Count; a++)
        {
            var terms = new List<LossTerm>();
            double ti = 0, tf = 0;
            for (int k = 0; k < TermCount; k++)
            {
                if (k == Prior && options.Prior is null) continue;
                float w = problem.Weight(k);
                terms.Add(new LossTerm(TermNames[k], w, (float)initial![a][k], (float)best![a][k]));
                ti += w * initial[a][k]; tf += w * best[a][k];
            }
            float shift = 0;
            for (int i = 0; i < layouts[a].Waypoints.Count; i++)
                shift = MathF.Max(shift, Vector3.Distance(layouts[a].Waypoints[i], actors[a].Start.Waypoints[i]));
            reports[a] = new RefinementReport(actors[a].Actor.Id, terms, (float)ti, (float)tf, it, bestIt, sw.Elapsed.TotalSeconds,
                actors[a].Start.Scale, layouts[a].Scale, shift);
        }
        return new RefineResult(layouts, reports);
    }

    /// <summary>The objective (as used to pick the best iterate) and its gradient w.r.t. the raw parameters at <paramref name="raw"/> (for tests).</summary>
    internal static (double Objective, float[] Gradient, double[][] Terms) Evaluate(ComposeScene scene, IReadOnlyList<RefineActor> actors, RefineOptions options, float[] raw)
    {
        var problem = new RefineProblem(scene, actors, options);
        var grad = new float[problem.ParameterCount];
        var terms = problem.Evaluate(raw, grad, new Random(options.Seed), out double objective);
        return (objective, grad, terms);
    }

    /// <summary>The state of one evaluation for one actor: decoded layout, path, timing, gradient accumulators.</summary>
    sealed class ActorState
    {
        public required Vector3[] P;
        public float S;
        public CatmullRomPath Path = null!;
        public PathTiming Timing = null!;
        public float FallbackYaw;
        public Vector3[] DP = [];
        public float DS;
        /// <summary>Per waypoint, the posed lowest foot's height above the rest-pose soles (scale 1); NaN where no foot is planted.</summary>
        public float[] Lift = [];
        public readonly double[] Terms = new double[TermCount];
    }

    sealed class Worker
    {
        public readonly GaussianRasterizer Rasterizer = new(1);
        public required ComposedActor[] Actors;
        public float[] DAlpha = [];
        public double[] LogRow = [], LogCol = [];
    }

    /// <summary>One render of one actor at one waypoint: its box term, transform gradient and lowest foot.</summary>
    struct KeyResult
    {
        public float Loss, DScale, LowestFoot;
        public Vector3 DTranslation;
    }

    sealed class RefineProblem
    {
        readonly ComposeScene _scene;
        readonly IReadOnlyList<RefineActor> _actors;
        readonly RefineOptions _o;
        readonly Camera _cam;              // optimisation camera
        readonly PixelBox[][] _boxes;      // boxes in optimisation pixels
        readonly int[] _offset;            // parameter offset per actor
        readonly bool[] _stationary;       // all of the actor's waypoints start on one spot
        readonly bool[] _grounded;         // the clip plants a foot at some time (not flying)
        readonly float _tau;
        readonly Worker[] _workers;
        readonly (int Actor, int Key)[] _items;
        readonly KeyResult[] _results;
        readonly GaussianRasterizer _full = new();
        readonly RenderOptions _maskOptions = new() { ShDegree = 0 };
        public int ParameterCount { get; }

        public RefineProblem(ComposeScene scene, IReadOnlyList<RefineActor> actors, RefineOptions o)
        {
            _scene = scene; _actors = actors; _o = o;
            var c = scene.Camera;
            float f = o.Resolution / (float)Math.Max(c.Width, c.Height);
            _cam = c.Resized(Math.Max(1, (int)MathF.Round(c.Width * f)), Math.Max(1, (int)MathF.Round(c.Height * f)));
            float sx = _cam.Width / (float)c.Width, sy = _cam.Height / (float)c.Height;
            _boxes = actors.Select(a => a.Boxes.Select(b => new PixelBox(b.Left * sx, b.Top * sy, b.Right * sx, b.Bottom * sy)).ToArray()).ToArray();
            _tau = o.OffsetTau ?? 0.1f * scene.Extent;
            _offset = new int[actors.Count];
            int n = 0;
            for (int a = 0; a < actors.Count; a++) { _offset[a] = n; n += 1 + 3 * actors[a].Start.Waypoints.Count; }
            ParameterCount = n;
            _grounded = actors.Select(a => a.Actor.InPlace.LeftContact.Contains(true) || a.Actor.InPlace.RightContact.Contains(true)).ToArray();
            _stationary = actors.Select(a => a.Start.Waypoints.All(p => Vector3.Distance(p, a.Start.Waypoints[0]) < 0.01f)).ToArray();
            Rates = new float[n];
            float offsetRate = MathF.Min(1f, o.OffsetStep * 4f / (_tau * o.LearningRate));
            for (int a = 0; a < actors.Count; a++)
            {
                Rates[_offset[a]] = 1f;
                for (int i = 0; i < actors[a].Start.Waypoints.Count; i++)
                {
                    int k = _offset[a] + 1 + 3 * i;
                    Rates[k] = offsetRate; Rates[k + 1] = 0f; Rates[k + 2] = offsetRate;
                }
            }
            var items = new List<(int, int)>();
            for (int a = 0; a < actors.Count; a++)
                for (int i = 0; i < actors[a].Start.Waypoints.Count; i++) items.Add((a, i));
            _items = [.. items];
            _results = new KeyResult[_items.Length];
            int threads = Math.Max(1, Math.Min(o.Threads ?? Environment.ProcessorCount, Math.Max(1, _items.Length)));
            var light = actors.Select(a => a.Actor.Decimated(o.MaxActorGaussians)).ToArray();
            _workers = Enumerable.Range(0, threads).Select(w => new Worker { Actors = light.Select(a => w == 0 ? a : a.Copy()).ToArray() }).ToArray();
        }

        public float Weight(int term) => term switch
        {
            Box => _o.BoxWeight, Ground => _o.GroundWeight, Penetration => _o.PenetrationWeight,
            InFrame => _o.InFrameWeight, Smooth => _o.SmoothnessWeight, _ => _o.PriorWeight,
        };

        float ScaleTau(int a) => _o.ScaleTau * _actors[a].Start.Scale;

        /// <summary>Per actor, per waypoint, the lowest foot's lift found by the last <see cref="Evaluate"/> (NaN: not planted there).</summary>
        public float[][] LastLifts { get; private set; } = [];

        /// <summary>
        /// Per raw parameter, its learning rate relative to <see cref="RefineOptions.LearningRate"/>: 1 for the
        /// scales, capped for the offsets (see <see cref="RefineOptions.OffsetStep"/>), 0 for the heights, which
        /// are not descended but set by <see cref="StandOnGround"/>.
        /// </summary>
        public float[] Rates { get; }

        /// <summary>
        /// Writes into <paramref name="standing"/> the parameters <paramref name="raw"/> with each planted
        /// waypoint's height set so that its lowest foot is exactly on the ground (within the bound), given the
        /// lifts measured at (or, between iterations, next to) <paramref name="raw"/>. Returns it.
        /// </summary>
        public float[] StandOnGround(float[] raw, float[][] lifts, float[] standing)
        {
            if (!ReferenceEquals(raw, standing)) raw.CopyTo(standing, 0);
            for (int a = 0; a < _actors.Count; a++)
            {
                var start = _actors[a].Start;
                float scale = Bounded.Value(start.Scale, raw[_offset[a]], ScaleTau(a));
                for (int i = 0; i < start.Waypoints.Count; i++)
                {
                    if (float.IsNaN(lifts[a][i])) continue;
                    int k = _offset[a] + 1 + 3 * i + 1;
                    standing[k] = Bounded.RawFor(start.Waypoints[i].Y, _scene.GroundHeight - scale * lifts[a][i], _tau);
                }
            }
            return standing;
        }

        public ActorLayout[] Layouts(float[] raw) => Decode(raw).Select((s, a) => new ActorLayout(_actors[a].Start.ActorId, s.P, s.S)).ToArray();

        ActorState[] Decode(float[] raw)
        {
            var states = new ActorState[_actors.Count];
            for (int a = 0; a < _actors.Count; a++)
            {
                var start = _actors[a].Start;
                int o = _offset[a];
                var p = new Vector3[start.Waypoints.Count];
                for (int i = 0; i < p.Length; i++)
                {
                    int k = o + 1 + 3 * i;
                    p[i] = start.Waypoints[i] + new Vector3(Bounded.Value(0, raw[k], _tau), Bounded.Value(0, raw[k + 1], _tau), Bounded.Value(0, raw[k + 2], _tau));
                }
                var lift = new float[p.Length];
                Array.Fill(lift, float.NaN);
                states[a] = new ActorState { P = p, S = Bounded.Value(start.Scale, raw[o], ScaleTau(a)), DP = new Vector3[p.Length], Lift = lift };
            }
            return states;
        }

        /// <summary>Unweighted term values per actor; <paramref name="grad"/> receives d(objective)/d(raw).</summary>
        public double[][] Evaluate(float[] raw, float[] grad, Random rng, out double objective)
        {
            var st = Decode(raw);
            for (int a = 0; a < st.Length; a++)
            {
                var actor = _actors[a].Actor;
                st[a].Path = new CatmullRomPath(st[a].P);
                st[a].Timing = actor.Timing(st[a].Path.Length, _scene.Duration, st[a].S, _o.Timing);
                st[a].FallbackYaw = Composer.FacingCamera(_scene.Camera, st[a].P[0]);
            }
            double pairs = 0, prior = 0;
            KeyFrames(st);
            SamplesTerms(st, ref pairs);
            for (int a = 0; a < st.Length; a++) SmoothnessTerm(st[a], _actors[a].Start);
            if (_o.Prior is not null) prior = PriorTerm(st, rng);

            objective = 0;
            double selection = 0;
            for (int a = 0; a < st.Length; a++)
            {
                for (int k = 0; k < TermCount; k++)
                    if (k != Penetration && k != Prior) objective += Weight(k) * st[a].Terms[k];
            }
            objective += Weight(Penetration) * pairs;
            selection = objective;
            objective += Weight(Prior) * prior;
            if (_o.Prior is { Stochastic: false }) selection = objective;

            Array.Clear(grad);
            for (int a = 0; a < st.Length; a++)
            {
                if (_stationary[a])
                {
                    // An actor that stays on one spot has one position: its waypoints move together.
                    var mean = st[a].DP.Aggregate(Vector3.Zero, (x, y) => x + y) / st[a].DP.Length;
                    Array.Fill(st[a].DP, mean);
                }
                int o = _offset[a];
                grad[o] = st[a].DS * Bounded.Derivative(raw[o], ScaleTau(a));
                for (int i = 0; i < st[a].P.Length; i++)
                    for (int c = 0; c < 3; c++)
                    {
                        int k = o + 1 + 3 * i + c;
                        grad[k] = st[a].DP[i][c] * Bounded.Derivative(raw[k], _tau);
                    }
            }
            objective = selection;
            LastLifts = st.Select(s => s.Lift).ToArray();
            return st.Select(s => s.Terms.ToArray()).ToArray();
        }

        float YawAt(ActorState s, float arc, float height) =>
            TrackBuilder.YawOf(s.Path.SmoothedHeading(arc, MathF.Max(0.05f, _o.Timing.HeadingWindow * height * s.S)), s.FallbackYaw);

        /// <summary>Renders every actor at every waypoint (in parallel): box agreement and ground contact.</summary>
        void KeyFrames(ActorState[] st)
        {
            int workers = _workers.Length;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                var worker = _workers[w];
                for (int n = w; n < _items.Length; n += workers)
                {
                    var (a, i) = _items[n];
                    _results[n] = RenderKey(worker, a, i, st[a]);
                }
            });
            for (int a = 0; a < st.Length; a++)
            {
                var s = st[a];
                var actor = _actors[a].Actor;
                int count = s.P.Length;
                bool boxes = _boxes[a].Length > 0;
                // Ground contact applies where the clip plants a foot; a clip that never does (flying, swimming)
                // is not held to the ground at all.
                int planted = 0;
                for (int n = 0; n < _items.Length; n++)
                    if (_items[n].Actor == a && Planted(actor, s, _items[n].Key)) planted++;
                for (int n = 0; n < _items.Length; n++)
                {
                    if (_items[n].Actor != a) continue;
                    int i = _items[n].Key;
                    var r = _results[n];
                    if (boxes)
                    {
                        s.Terms[Box] += r.Loss / count;
                        s.DP[i] += Weight(Box) / count * Horizontal(r.DTranslation);
                        s.DS += Weight(Box) / count * r.DScale;
                    }
                    if (!_grounded[a] || planted > 0 && !Planted(actor, s, i)) continue;
                    int m = planted > 0 ? planted : count;
                    // error in units of a tenth of the actor's height: 17 cm off the ground for a person costs 1
                    float h = 0.1f * actor.Height * _actors[a].Start.Scale;
                    float lift = r.LowestFoot - _workers[0].Actors[a].SoleHeight; // same (decimated) cloud as LowestFoot
                    s.Lift[i] = lift;
                    float e = (s.P[i].Y + s.S * lift - _scene.GroundHeight) / h;
                    s.Terms[Ground] += e * e / m;
                    s.DP[i].Y += Weight(Ground) * 2 * e / (h * m);
                    s.DS += Weight(Ground) * 2 * e * lift / (h * m);
                }
            }
        }

        static bool Planted(ComposedActor actor, ActorState s, int key)
        {
            var (time, rest) = MotionAtKey(s, key);
            var (l, r) = actor.ContactsAt(time, rest);
            return l || r;
        }

        /// <summary>Motion time and standing weight when the actor passes waypoint <paramref name="key"/>.</summary>
        static (float Time, float Standing) MotionAtKey(ActorState s, int key)
        {
            float t = s.Timing.TimeAtArcLength(s.Path.ArcLengthAt(key));
            return (s.Timing.MotionTimeAt(t), s.Timing.RestWeightAt(t));
        }

        KeyResult RenderKey(Worker worker, int a, int i, ActorState s)
        {
            var actor = worker.Actors[a];
            float arc = s.Path.ArcLengthAt(i);
            var (time, rest) = MotionAtKey(s, i);
            var posed = actor.Pose(time, rest);
            var result = new KeyResult { LowestFoot = actor.LowestFoot(posed) };
            if (_boxes[a].Length == 0) return result;
            var box = _boxes[a][i];
            var transform = Splats.RigidTransform.FromYaw(YawAt(s, arc, actor.Height), s.P[i], s.S);

            // Render only a window holding the box and the actor (with a margin): the loss outside it is 0.
            float x0 = box.Left, y0 = box.Top, x1 = box.Right, y1 = box.Bottom;
            foreach (var j in actor.Skin.PosedJoints)
            {
                var (px, z) = _cam.Project(transform.Apply(j));
                if (z <= 0.05f) continue;
                x0 = MathF.Min(x0, px.X); x1 = MathF.Max(x1, px.X); y0 = MathF.Min(y0, px.Y); y1 = MathF.Max(y1, px.Y);
            }
            float margin = 0.15f * (y1 - y0) + 3;
            int wx0 = Math.Clamp((int)MathF.Floor(x0 - margin), 0, _cam.Width - 1), wy0 = Math.Clamp((int)MathF.Floor(y0 - margin), 0, _cam.Height - 1);
            int wx1 = Math.Clamp((int)MathF.Ceiling(x1 + margin), wx0 + 1, _cam.Width), wy1 = Math.Clamp((int)MathF.Ceiling(y1 + margin), wy0 + 1, _cam.Height);
            int w = wx1 - wx0, h = wy1 - wy0;
            var window = _cam with { Width = w, Height = h, Cx = _cam.Cx - wx0, Cy = _cam.Cy - wy0 };
            var res = worker.Rasterizer.Render([new CloudInstance(posed, transform)], window, _maskOptions);

            if (worker.DAlpha.Length != w * h) worker.DAlpha = new float[w * h]; // Backward wants the exact size
            result.Loss = ExtentLoss(res.Alpha, w, h, box with { Left = box.Left - wx0, Right = box.Right - wx0, Top = box.Top - wy0, Bottom = box.Bottom - wy0 }, worker.DAlpha, worker);
            var g = worker.Rasterizer.Backward(res, null, worker.DAlpha).Transforms[0];
            result.DTranslation = g.Translation;
            result.DScale = g.Scale;
            return result;
        }

        /// <summary>
        /// Box agreement of one mask: the silhouette's row and column occupancy against the box's. A row is
        /// occupied with probability r_y = 1 − Π_x (1 − α_xy) (some pixel of it is covered); the loss is
        /// Σ_y (r_y − m_y)²/box height + Σ_x (c_x − m_x)²/box width, halved, with m the box's coverage of the
        /// row or column. Unlike IoU with the box it is 0 exactly when the silhouette's extent is the box,
        /// however little of the box a thin or spread-limbed figure fills. Writes dLoss/dα.
        /// </summary>
        static float ExtentLoss(float[] alpha, int w, int h, PixelBox box, float[] dAlpha, Worker worker)
        {
            if (worker.LogRow.Length < h) worker.LogRow = new double[h];
            if (worker.LogCol.Length < w) worker.LogCol = new double[w];
            var lr = worker.LogRow.AsSpan(0, h); var lc = worker.LogCol.AsSpan(0, w);
            lr.Clear(); lc.Clear();
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    double l = Math.Log(1 - Effective(alpha[y * w + x]));
                    lr[y] += l; lc[x] += l;
                }
            float bh = MathF.Max(1, box.Height), bw = MathF.Max(1, box.Width);
            double loss = 0;
            // dL/dr_y and dL/dc_x, then dr_y/dα = Π_{x'≠x}(1 − α) = (1 − r_y)/(1 − α)
            for (int y = 0; y < h; y++)
            {
                double r = 1 - Math.Exp(lr[y]), e = r - Overlap(y, box.Top, box.Bottom);
                loss += e * e / bh;
                lr[y] = e / bh * Math.Exp(lr[y]);   // dL/dr · (1 − r)
            }
            for (int x = 0; x < w; x++)
            {
                double c = 1 - Math.Exp(lc[x]), e = c - Overlap(x, box.Left, box.Right);
                loss += e * e / bw;
                lc[x] = e / bw * Math.Exp(lc[x]);
            }
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    float a = alpha[y * w + x];
                    dAlpha[y * w + x] = a <= AlphaFloor ? 0f : (float)((lr[y] + lc[x]) / (1 - Effective(a)) / (1 - AlphaFloor));
                }
            return (float)(0.5 * loss);
        }

        /// <summary>
        /// Alpha below this does not count as coverage. The rasterizer cuts each splat off where α drops under
        /// 1/255 or at 3σ (α ≈ 0.01 there), a jump the analytic gradient cannot see; at the silhouette's edge
        /// those jumps would dominate a finite-difference derivative of the occupancy. Ignoring the faintest
        /// coverage makes the loss continuous there, so its gradient is the true one.
        /// </summary>
        const float AlphaFloor = 0.02f;

        static double Effective(float a) => Math.Clamp((a - AlphaFloor) / (1 - AlphaFloor), 0, 1 - 1e-6);

        /// <summary>Length of [p, p+1] ∩ [a, b].</summary>
        static float Overlap(int p, float a, float b) => MathF.Max(0, MathF.Min(p + 1, b) - MathF.Max(p, a));

        /// <summary>Separation (actors, obstacles) and framing at evenly spaced times.</summary>
        void SamplesTerms(ActorState[] st, ref double pairs)
        {
            int n = Math.Max(2, _o.Samples);
            Span<int> idxA = stackalloc int[4], idxB = stackalloc int[4];
            Span<float> wA = stackalloc float[4], wB = stackalloc float[4];
            var pos = new Vector3[st.Length];
            var arcs = new float[st.Length];
            for (int j = 0; j < n; j++)
            {
                float t = _scene.Duration * j / (n - 1);
                for (int a = 0; a < st.Length; a++) { arcs[a] = st[a].Timing.ArcLengthAt(t); pos[a] = st[a].Path.Evaluate(arcs[a]); }
                for (int a = 0; a < st.Length; a++)
                {
                    var actor = _actors[a].Actor;
                    st[a].Path.Weights(arcs[a], idxA, wA);
                    // obstacles
                    foreach (var ob in _scene.ObstacleList)
                    {
                        var (l, dp, dr) = Overlap(pos[a], ob.Base, actor.CapsuleRadius * st[a].S + ob.Radius);
                        if (l <= 0) continue;
                        st[a].Terms[Penetration] += l / n;
                        pairs += l / n;
                        Spread(st[a], idxA, wA, Weight(Penetration) / n * dp);
                        st[a].DS += Weight(Penetration) / n * dr * actor.CapsuleRadius;
                    }
                    for (int b = a + 1; b < st.Length; b++)
                    {
                        var other = _actors[b].Actor;
                        var (l, dp, dr) = Overlap(pos[a], pos[b], actor.CapsuleRadius * st[a].S + other.CapsuleRadius * st[b].S);
                        if (l <= 0) continue;
                        st[a].Terms[Penetration] += l / n;
                        st[b].Terms[Penetration] += l / n;
                        pairs += l / n;
                        st[b].Path.Weights(arcs[b], idxB, wB);
                        Spread(st[a], idxA, wA, Weight(Penetration) / n * dp);
                        Spread(st[b], idxB, wB, -Weight(Penetration) / n * dp);
                        st[a].DS += Weight(Penetration) / n * dr * actor.CapsuleRadius;
                        st[b].DS += Weight(Penetration) / n * dr * other.CapsuleRadius;
                    }
                    if (_actors[a].Visible)
                    {
                        float hh = actor.Height;
                        var (lf, gf) = OutOfFrame(pos[a]);
                        var (lh, gh) = OutOfFrame(pos[a] + new Vector3(0, hh * st[a].S, 0));
                        st[a].Terms[InFrame] += (lf + lh) / (2 * n);
                        Spread(st[a], idxA, wA, Weight(InFrame) / (2 * n) * (gf + gh));
                        st[a].DS += Weight(InFrame) / (2 * n) * gh.Y * hh;
                    }
                }
            }
        }

        /// <summary>Adds a path point's gradient to the waypoints it interpolates (horizontally: see <see cref="Horizontal"/>).</summary>
        static void Spread(ActorState s, Span<int> idx, Span<float> w, Vector3 g)
        {
            g = Horizontal(g);
            for (int k = 0; k < idx.Length; k++) if (w[k] != 0) s.DP[idx[k]] += w[k] * g;
        }

        /// <summary>
        /// The part of a waypoint gradient the image terms may act on. Height belongs to ground contact alone: an
        /// actor stands on the ground, so a silhouette too high or low in its box must be fixed by moving it in
        /// depth or resizing it, never by floating or sinking it (which is what made contact worse before).
        /// </summary>
        static Vector3 Horizontal(Vector3 g) => new(g.X, 0, g.Z);

        /// <summary>
        /// Overlap of two upright cylinders of summed radius R whose axes are at <paramref name="a"/>, <paramref name="b"/>:
        /// loss (1 − d/R)² when d &lt; R (d the horizontal distance), its gradient w.r.t. a, and w.r.t. R.
        /// </summary>
        static (float Loss, Vector3 DA, float DR) Overlap(Vector3 a, Vector3 b, float r)
        {
            var d = new Vector3(a.X - b.X, 0, a.Z - b.Z);
            float dist = d.Length();
            if (dist >= r || r <= 0) return (0, Vector3.Zero, 0);
            var dir = dist > 1e-6f ? d / dist : Vector3.UnitX; // coincident: push apart along x
            float u = 1 - dist / r;
            return (u * u, -2 * u / r * dir, 2 * u * dist / (r * r));
        }

        /// <summary>How far a world point projects outside the image (squared, in image sizes) and its gradient.</summary>
        (float Loss, Vector3 Grad) OutOfFrame(Vector3 p)
        {
            var c = _cam.WorldToCamera(p);
            const float near = 0.1f;
            var R = _cam.R;
            if (c.Z < near)
            {
                // behind the camera: push forward along the view axis
                float e = near - c.Z;
                return (1 + e * e, -2 * e * new Vector3(R[6], R[7], R[8]));
            }
            float u = _cam.Fx * c.X / c.Z + _cam.Cx, v = _cam.Fy * c.Y / c.Z + _cam.Cy;
            float W = _cam.Width, H = _cam.Height;
            float eu = u < 0 ? u : u > W ? u - W : 0, ev = v < 0 ? v : v > H ? v - H : 0;
            if (eu == 0 && ev == 0) return (0, Vector3.Zero);
            float loss = eu * eu / (W * W) + ev * ev / (H * H);
            float gu = 2 * eu / (W * W), gv = 2 * ev / (H * H);
            var dc = new Vector3(gu * _cam.Fx / c.Z, gv * _cam.Fy / c.Z, -(gu * _cam.Fx * c.X + gv * _cam.Fy * c.Y) / (c.Z * c.Z));
            return (loss, new Vector3(R[0] * dc.X + R[3] * dc.Y + R[6] * dc.Z, R[1] * dc.X + R[4] * dc.Y + R[7] * dc.Z, R[2] * dc.X + R[5] * dc.Y + R[8] * dc.Z));
        }

        /// <summary>
        /// Bending of the path on the ground: e = (P(i−1) − 2P(i) + P(i+1)) (horizontal) over the start's mean
        /// waypoint spacing, averaged as 2(√(1 + |e|²) − 1) ≈ |e|². A smooth curve of radius R costs
        /// (spacing/R)², a few hundredths; a zig-zag of a few centimetres between 20 waypoints (lifting noisy
        /// boxes, or each waypoint's offset chasing its own box) costs tenths — and makes feet skate, since the
        /// body faces the smoothed heading while the path turns under it.
        /// </summary>
        void SmoothnessTerm(ActorState s, ActorLayout start)
        {
            int n = s.P.Length;
            if (n < 3) return;
            float spacing = 0;
            for (int i = 1; i < n; i++) spacing += Horizontal(start.Waypoints[i] - start.Waypoints[i - 1]).Length();
            spacing = MathF.Max(0.05f, spacing / (n - 1));
            float invSpacing = 1f / spacing;
            for (int i = 1; i < n - 1; i++)
            {
                // Charbonnier: |e|² for a wobble up to about a spacing, growing only linearly past it, so a
                // turn the director meant (a stop, a corner) costs little next to leaving the boxes.
                var e = Horizontal(s.P[i - 1] - 2 * s.P[i] + s.P[i + 1]) * invSpacing;
                float root = MathF.Sqrt(1 + e.LengthSquared());
                s.Terms[Smooth] += 2 * (root - 1) / (n - 2);
                var g = Weight(Smooth) * 2 / (root * (n - 2)) * invSpacing * e;
                s.DP[i - 1] += g; s.DP[i] -= 2 * g; s.DP[i + 1] += g;
            }
        }

        /// <summary>Renders whole frames (scene and all actors) at random times for the image prior.</summary>
        double PriorTerm(ActorState[] st, Random rng)
        {
            var prior = _o.Prior!;
            var cam = _scene.Camera.Resized(prior.Resolution, prior.Resolution);
            var grad = new float[prior.Resolution * prior.Resolution * 3];
            Span<int> idx = stackalloc int[4];
            Span<float> w = stackalloc float[4];
            double total = 0;
            int frames = Math.Max(1, _o.PriorFrames);
            var actors = _workers[0].Actors;
            for (int f = 0; f < frames; f++)
            {
                float t = (float)rng.NextDouble() * _scene.Duration;
                var instances = new List<CloudInstance>();
                if (_scene.Cloud is not null) instances.Add(new CloudInstance(_scene.Cloud));
                int first = instances.Count;
                var posed = new Splats.GaussianCloud[st.Length];
                var arcs = new float[st.Length];
                for (int a = 0; a < st.Length; a++)
                {
                    arcs[a] = st[a].Timing.ArcLengthAt(t);
                    posed[a] = actors[a].Pose(st[a].Timing.MotionTimeAt(t), st[a].Timing.RestWeightAt(t)).Clone(); // each actor's buffer is reused by its next pose
                    var tr = Splats.RigidTransform.FromYaw(YawAt(st[a], arcs[a], actors[a].Height), st[a].Path.Evaluate(arcs[a]), st[a].S);
                    instances.Add(new CloudInstance(posed[a], tr));
                }
                var res = _full.Render(instances, cam, _maskOptions with { ShDegree = 3 });
                Array.Clear(grad);
                float loss = prior.Evaluate(res.ToImage(), grad, rng);
                total += loss / frames;
                var g = _full.Backward(res, grad);
                for (int a = 0; a < st.Length; a++)
                {
                    var tg = g.Transforms[first + a];
                    st[a].Path.Weights(arcs[a], idx, w);
                    Spread(st[a], idx, w, Weight(Prior) / frames * tg.Translation);
                    st[a].DS += Weight(Prior) / frames * tg.Scale;
                }
            }
            foreach (var s in st) s.Terms[Prior] = total;
            return total;
        }
    }
}
