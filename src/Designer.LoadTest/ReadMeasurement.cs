using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Designer.LoadTest;

/// <summary>
/// Timed list reads, one request at a time: the reviewer's inbox (first page, soonest due first), the policy admin's
/// and the locality admin's application lists (first page, newest first), and the admin list at a random page. First
/// the floor they are read against: `GET /api/auth/me`, an authenticated request that reads nothing but the token,
/// so that on a shared machine a list's figure can be told apart from what every request costs there. Each line also
/// gives the server's CPU per read (its process's own time, which the machine's load hardly changes).
/// </summary>
public static class ReadMeasurement
{
    public static async Task<string> RunAsync(int reads, HttpClient reviewer, HttpClient admin, HttpClient localityAdmin, Func<ActionCost> startCounting)
    {
        Task<string> TimeAsync(string what, int count, HttpClient client, Func<int, string> path, Action<JsonNode> seen, bool listed = true) =>
            ReadMeasurement.TimeAsync(what, count, client, path, seen, startCounting, listed);
        var lines = new List<string>();
        var adminTotal = 0;
        lines.Add(await TimeAsync("GET /api/auth/me (floor: the token check alone)", reads, reviewer, _ => "/api/auth/me", _ => { }, listed: false));
        lines.Add(await TimeAsync("GET /api/tasks (reviewer, page 1)", reads, reviewer, _ => "/api/tasks?pageSize=50", _ => { }));
        lines.Add(await TimeAsync("GET /api/applications (policy admin, page 1)", reads, admin, _ => "/api/applications?pageSize=50",
            answer => adminTotal = answer["total"]!.GetValue<int>()));
        lines.Add(await TimeAsync("GET /api/applications (locality admin, page 1)", reads, localityAdmin, _ => "/api/applications?pageSize=50", _ => { }));
        var random = new Random(7);
        var pages = Math.Max(1, (adminTotal + 49) / 50);
        lines.Add(await TimeAsync($"GET /api/applications (policy admin, a random page of {pages})", reads, admin,
            _ => $"/api/applications?pageSize=50&page={random.Next(1, pages + 1)}", _ => { }));
        return string.Join("\n", lines);
    }

    private static async Task<string> TimeAsync(string what, int reads, HttpClient client, Func<int, string> path, Action<JsonNode> seen,
        Func<ActionCost> startCounting, bool listed)
    {
        var latencies = new List<double>();
        ActionCost? cost = null;
        long bytes = 0;
        var total = 0;
        for (var i = -5; i < reads; i++) // five unmeasured reads first
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path(i));
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
            if (i < 0)
            {
                if (i == -1) cost = startCounting();
                continue;
            }
            latencies.Add(elapsed);
            bytes += body.Length;
            if (i == 0 && listed)
            {
                var answer = JsonNode.Parse(body)!;
                total = answer["total"]!.GetValue<int>();
                seen(answer);
            }
        }
        var count = listed ? $" of {total} listed" : "";
        var cpu = cost?.CpuMillisecondsPer(reads) is { } ms ? $"; server CPU {ms:F2} ms per read" : "";
        return $"{what}: {reads} reads{count}, {bytes / Math.Max(1, reads) / 1024.0:F1} KB each; ms {Latencies.Summary(latencies)}{cpu}";
    }
}
