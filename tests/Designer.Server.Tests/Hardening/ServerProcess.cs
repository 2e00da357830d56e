using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Hardening;

/// <summary>
/// The built server (Designer.Server.dll) as its own `dotnet` process on 127.0.0.1 with its own database (TestDatabase: a SQLite file in the folder, or a PostgreSQL database), started
/// from the repository root in Development with demo users; Kill() is SIGKILL (no shutdown, no flush).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    public string Url { get; }

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Designer.sln"))) return dir.FullName;
        throw new InvalidOperationException("Designer.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The server built beside these tests (same configuration: bin/Debug or bin/Release).</summary>
    public static string ServerDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot(), "src", "Designer.Server", "bin", configuration, "net10.0", "Designer.Server.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build tests/Designer.Server.Tests first");
        return dll;
    }

    public static async Task<ServerProcess> StartAsync(int port, string folder, IReadOnlyDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll());
        var all = new Dictionary<string, string>(settings) { ["Urls"] = url, ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in TestDatabase.Settings(folder, "crash.db")) all[key] = value!;
        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, url);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitReadyAsync(TimeSpan.FromSeconds(240)); // a shared, loaded machine can take minutes to start a server
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        while (_log.Count > 200) _log.TryDequeue(out _);
    }

    public string LogTail => string.Join("\n", _log);

    private async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the server exited with {_process.ExitCode}:\n{LogTail}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the server did not answer /health within {limit}:\n{LogTail}");
    }

    /// <summary>A client signed in as the user (bearer token).</summary>
    public async Task<ApiClient> SignInAsync(string userName, string password = DesignerFactory.Password)
    {
        var client = new ApiClient(new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) }, userName);
        var login = await client.PostAsync("/api/auth/login", new JsonObject { ["userName"] = userName, ["password"] = password });
        Assert.True(login.Status == System.Net.HttpStatusCode.OK, $"login of {userName}: {(int)login.Status} {login.Text}\n{LogTail}");
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Json!["accessToken"]!.GetValue<string>());
        return client;
    }

    /// <summary>SIGKILL: the process ends where it is.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
