using System.Diagnostics;

namespace Designer.LoadTest;

/// <summary>
/// The server built beside the driver (Designer.Server.dll) as separate `dotnet` processes on 127.0.0.1, one per node,
/// all over the same database: the driver then measures the servers' own memory (VmRSS, VmHWM) and, with several
/// nodes on PostgreSQL, spreads its workers over them.
/// </summary>
public sealed class ServerNodes : IAsyncDisposable
{
    private readonly List<Process> _processes = [];

    public IReadOnlyList<string> Urls { get; private set; } = [];

    public static async Task<ServerNodes> StartAsync(int count, int firstPort, IReadOnlyDictionary<string, string> settings)
    {
        var nodes = new ServerNodes();
        var dll = Path.Combine(AppContext.BaseDirectory, "Designer.Server.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} 不存在 (the server is built beside the driver)");
        var urls = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var url = $"http://127.0.0.1:{firstPort + i}";
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(dll);
            // Development: OpenIddict's development certificates (one per machine user) sign the tokens, so a token one node
            // issues is accepted by the others; production nodes share Auth:SigningCertificate instead (README).
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            foreach (var (key, value) in new Dictionary<string, string>(settings) { ["Urls"] = url })
            {
                start.ArgumentList.Add($"--{key}");
                start.ArgumentList.Add(value);
            }
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail:")) Console.Error.WriteLine($"[node {url}] {line}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            nodes._processes.Add(process);
            try
            {
                // One after the other: the first migrates the database and seeds the demo users, the others find them there.
                await WaitReadyAsync(process, url, TimeSpan.FromSeconds(300));
            }
            catch
            {
                await nodes.DisposeAsync();
                throw;
            }
            urls.Add(url);
        }
        nodes.Urls = urls;
        return nodes;
    }

    /// <summary>
    /// Resident and peak resident memory of each node, MB (Linux /proc), and how the resident part divides: anonymous
    /// (the GC heap, JIT code, native allocations such as SQLite's page caches) and file-backed (mapped assemblies).
    /// </summary>
    /// <summary>The nodes' process ids (ActionCost reads their CPU time).</summary>
    public IReadOnlyList<int> ProcessIds => _processes.Select(p => p.Id).ToList();

    public IReadOnlyList<(double RssMb, double PeakMb, double AnonymousMb, double FileMb)> Memory() => _processes.Select(p => Memory(p.Id)).ToList();

    public static (double RssMb, double PeakMb, double AnonymousMb, double FileMb) Memory(int pid)
    {
        double Read(string field)
        {
            var path = $"/proc/{pid}/status";
            if (!File.Exists(path)) return 0;
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        return (Read("VmRSS"), Read("VmHWM"), Read("RssAnon"), Read("RssFile"));
    }

    private static async Task WaitReadyAsync(Process process, string url, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited) throw new InvalidOperationException($"服务器进程已退出 (the server exited with {process.ExitCode})");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{url} 未在 {limit.TotalSeconds} 秒内就绪 (the server did not answer /health)");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException) { }
            process.Dispose();
        }
    }
}
