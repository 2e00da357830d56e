namespace Designer.LoadTest;

/// <summary>The percentiles every report line of the driver prints, from one run's latencies in milliseconds.</summary>
public static class Latencies
{
    /// <summary>"p50 …, p95 …, p99 …, max …" (nearest rank); sorts the list in place; zeros when it is empty.</summary>
    public static string Summary(List<double> latencies)
    {
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return $"p50 {Percentile(0.50):F1}, p95 {Percentile(0.95):F1}, p99 {Percentile(0.99):F1}, max {(latencies.Count == 0 ? 0 : latencies[^1]):F1}";
    }
}
