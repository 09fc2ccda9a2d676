using System.Numerics;

namespace C3V.Render;

/// <summary>A row-major 3×3 float matrix with the few operations the projection and its gradient need.</summary>
internal struct Mat3
{
    public float M00, M01, M02, M10, M11, M12, M20, M21, M22;

    public Mat3(float m00, float m01, float m02, float m10, float m11, float m12, float m20, float m21, float m22)
    {
        M00 = m00; M01 = m01; M02 = m02; M10 = m10; M11 = m11; M12 = m12; M20 = m20; M21 = m21; M22 = m22;
    }

    public static Mat3 FromRowMajor(ReadOnlySpan<float> r) => new(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]);

    /// <summary>Rotation matrix of a unit quaternion (w, x, y, z).</summary>
    public static Mat3 FromQuaternion(float w, float x, float y, float z) => new(
        1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
        2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
        2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y));

    public static Mat3 operator *(Mat3 a, Mat3 b) => new(
        a.M00 * b.M00 + a.M01 * b.M10 + a.M02 * b.M20, a.M00 * b.M01 + a.M01 * b.M11 + a.M02 * b.M21, a.M00 * b.M02 + a.M01 * b.M12 + a.M02 * b.M22,
        a.M10 * b.M00 + a.M11 * b.M10 + a.M12 * b.M20, a.M10 * b.M01 + a.M11 * b.M11 + a.M12 * b.M21, a.M10 * b.M02 + a.M11 * b.M12 + a.M12 * b.M22,
        a.M20 * b.M00 + a.M21 * b.M10 + a.M22 * b.M20, a.M20 * b.M01 + a.M21 * b.M11 + a.M22 * b.M21, a.M20 * b.M02 + a.M21 * b.M12 + a.M22 * b.M22);

    public static Mat3 operator *(float s, Mat3 a) => new(
        s * a.M00, s * a.M01, s * a.M02, s * a.M10, s * a.M11, s * a.M12, s * a.M20, s * a.M21, s * a.M22);

    public static Mat3 operator +(Mat3 a, Mat3 b) => new(
        a.M00 + b.M00, a.M01 + b.M01, a.M02 + b.M02, a.M10 + b.M10, a.M11 + b.M11, a.M12 + b.M12, a.M20 + b.M20, a.M21 + b.M21, a.M22 + b.M22);

    public Vector3 Transform(Vector3 v) => new(
        M00 * v.X + M01 * v.Y + M02 * v.Z, M10 * v.X + M11 * v.Y + M12 * v.Z, M20 * v.X + M21 * v.Y + M22 * v.Z);

    /// <summary>Mᵀ·v.</summary>
    public Vector3 TransposeTransform(Vector3 v) => new(
        M00 * v.X + M10 * v.Y + M20 * v.Z, M01 * v.X + M11 * v.Y + M21 * v.Z, M02 * v.X + M12 * v.Y + M22 * v.Z);

    public Mat3 Transposed() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    /// <summary>Outer product a·bᵀ.</summary>
    public static Mat3 Outer(Vector3 a, Vector3 b) => new(
        a.X * b.X, a.X * b.Y, a.X * b.Z, a.Y * b.X, a.Y * b.Y, a.Y * b.Z, a.Z * b.X, a.Z * b.Y, a.Z * b.Z);

    public bool IsFinite() =>
        float.IsFinite(M00) && float.IsFinite(M01) && float.IsFinite(M02) && float.IsFinite(M10) && float.IsFinite(M11) &&
        float.IsFinite(M12) && float.IsFinite(M20) && float.IsFinite(M21) && float.IsFinite(M22);
}
