namespace AgentGateway.Bench;

/// <summary>
/// Side-by-side comparison: alternate A/B/A/B runs on the same machine and report the median of the
/// per-pair ratios with min–max, so drift on a shared machine cancels out instead of biasing one side.
/// </summary>
internal static class Compare
{
    public sealed record Ratio(double Median, double Min, double Max, double AValue, double BValue)
    {
        public override string ToString() => $"{Median:0.00}× ({Min:0.00}–{Max:0.00})";
    }

    public static async Task<Ratio> AlternateAsync(Func<Task<double>> a, Func<Task<double>> b, int pairs)
    {
        var ratios = new List<double>();
        var aValues = new List<double>();
        var bValues = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            var av = await a();
            var bv = await b();
            aValues.Add(av);
            bValues.Add(bv);
            ratios.Add(av / bv);
        }

        return new Ratio(Median(ratios), ratios.Min(), ratios.Max(), Median(aValues), Median(bValues));
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
