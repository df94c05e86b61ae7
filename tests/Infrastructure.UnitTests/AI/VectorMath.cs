namespace AskVideo.Infrastructure.UnitTests.AI;

internal static class VectorMath
{
    public static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static double Norm(float[] a) => Math.Sqrt(Dot(a, a));
}
