using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Forms;
using Designer.Server.Hosting;
using Designer.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Designer.LoadTest;

/// <summary>
/// Measures task actions per second over HTTP. By default it starts its own server on 127.0.0.1 (a scratch database
/// in a temporary folder, the repository's workflows and forms, demo users), imports a small workflow whose review
/// step loops on "approve", submits applications, and has the reviewer act on them from several workers until the
/// action count or the time limit is reached. `--url` drives a server that is already running instead (use a scratch
/// database: the driver adds a workflow and applications). Bounded: it never sends more than --actions actions, and
/// only to 127.0.0.1 (LoadTestCommand refuses any other address).
/// </summary>
public static class LoadDriver
{
    /// <summary>Runs the measurement and writes its report to <paramref name="output"/>; returns how many actions failed.</summary>
    public static async Task<int> RunAsync(LoadOptions options, TextWriter output)
    {
        WebApplication? server = null;
        ServerNodes? nodes = null;
        ScratchPostgres? postgres = null;
        // A scratch server gets a password of its own: its demo users are nobody else's.
        var ownServer = options.Url is null && options.Urls is null;
        var password = options.Password ?? (ownServer ? $"Load#{Guid.NewGuid().ToString("N")[..12]}Aa1" : LoadOptions.DemoPassword);
        var folder = Path.Combine(Path.GetTempPath(), "designer-loadtest", Guid.NewGuid().ToString("N"));
        try
        {
            if (ownServer)
            {
                Directory.CreateDirectory(folder);
                var settings = new Dictionary<string, string>
                {
                    ["Seed:DemoUsers"] = "true", ["Seed:DemoPassword"] = password, ["Logging:LogLevel:Default"] = "Warning",
                    ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error", // the API only: no Studio files are served
                    ["Timers:PollSeconds"] = "3600",
                };
                if (options.Postgres is { } cluster)
                {
                    postgres = await ScratchPostgres.CreateAsync(cluster);
                    settings["Database:Provider"] = "Postgres";
                    settings["ConnectionStrings:Designer"] = postgres.ConnectionString;
                    options.Database = new DbContextOptionsBuilder<DesignerDbContext>().UseNpgsql(postgres.ConnectionString).Options;
                }
                else
                {
                    var file = Path.Combine(folder, "load.db");
                    settings["ConnectionStrings:Designer"] = $"Data Source={file}";
                    options.Database = new DbContextOptionsBuilder<DesignerDbContext>().UseSqlite($"Data Source={file};Default Timeout=30").Options;
                }
                if (options.ServerProcess || options.Nodes > 1)
                {
                    // One issuer for every node, as behind a load balancer: a node names itself as the issuer otherwise
                    // and refuses the tokens the others issued (every action through the second node was a 401).
                    settings["Auth:Issuer"] = $"http://127.0.0.1:{options.Port}/";
                    nodes = await ServerNodes.StartAsync(options.Nodes, options.Port, settings);
                    options.Urls = nodes.Urls;
                }
                else
                {
                    options.Url = $"http://127.0.0.1:{options.Port}";
                    server = await DesignerApp.StartAsync([.. settings.Prepend(new("Urls", options.Url)).SelectMany(s => new[] { $"--{s.Key}", s.Value })]);
                }
            }
            options.Urls ??= [options.Url!];
            var run = await DriveAsync(options, password, () => Memory(nodes), () => ActionCost.Start(nodes?.ProcessIds, inProcess: server is not null));
            output.WriteLine(run.Report);
            if (options.BareCommits > 0) output.WriteLine(await FloorAsync(options, server, folder, run));
            return run.Failed;
        }
        finally
        {
            if (nodes is not null) await nodes.DisposeAsync();
            if (server is not null)
            {
                await server.StopAsync();
                await server.DisposeAsync();
            }
            if (postgres is not null) await postgres.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed record Run(string Report, int Failed, double ActionsPerSecond, string StateSample);

    /// <summary>
    /// The bare single-action commit rate beside the run (BareCommit), the ratio the goals are stated in, and how the
    /// in-process server grouped its commits.
    /// </summary>
    private static async Task<string> FloorAsync(LoadOptions options, WebApplication? server, string folder, Run run)
    {
        Directory.CreateDirectory(folder);
        var state = run.StateSample;
        var (journalEntry, journalRows) = ("{}", 0L);
        if (server is not null)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "load.db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT StateJson FROM Applications WHERE StateJson IS NOT NULL ORDER BY length(StateJson) DESC LIMIT 1";
            state = await command.ExecuteScalarAsync() as string ?? state;
            command.CommandText = "SELECT Json FROM JournalEntries ORDER BY length(Json) DESC LIMIT 1";
            journalEntry = await command.ExecuteScalarAsync() as string ?? journalEntry;
            command.CommandText = "SELECT count(*) FROM JournalEntries GROUP BY ApplicationId ORDER BY 1 DESC LIMIT 1";
            journalRows = await command.ExecuteScalarAsync() is long rows ? rows : 0;
        }
        var single = BareCommit.Measure(folder, state, journalEntry, options.BareCommits, groupSize: 1);
        var grouped = BareCommit.Measure(folder, state, journalEntry, options.BareCommits, groupSize: 16);
        var groups = server?.Services.GetService<GroupCommit>() is { Members: > 0 } commits
            ? $"\ngroup commit: {commits.Members} saves in {commits.Commits} commits (mean group {(double)commits.Members / commits.Commits:F2})"
            : "";
        return $"""
            bare commit of one action's rows ({state.Length} characters of state, {journalEntry.Length} of a journal row; longest journal {journalRows} rows; WAL, synchronous=FULL, one writer): {single.ActionsPerSecond:F0} commits/s; in groups of 16: {grouped.ActionsPerSecond:F0} actions/s
            ratio: task actions/s / bare single-action commit rate = {run.ActionsPerSecond / single.ActionsPerSecond:F3}{groups}
            """;
    }

    /// <summary>The servers' resident memory: each node process's own, or this process's (server and driver) when in process.</summary>
    private static string Memory(ServerNodes? nodes)
    {
        if (nodes is null)
        {
            var (rss, peak, _, _) = ServerNodes.Memory(Environment.ProcessId);
            return $"RSS {rss:F0} MB (peak {peak:F0} MB), server and driver in one process";
        }
        return string.Join("; ", nodes.Memory().Select((m, i) =>
            $"node {i + 1}: RSS {m.RssMb:F0} MB (peak {m.PeakMb:F0} MB; resident {m.AnonymousMb:F0} MB anonymous, {m.FileMb:F0} MB mapped files)"));
    }

    private static async Task<Run> DriveAsync(LoadOptions options, string password, Func<string> memory, Func<ActionCost> startCounting)
    {
        var urls = options.Urls!;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2 };
        HttpClient NewClient(int node = 0) => new(handler, disposeHandler: false) { BaseAddress = new Uri(urls[node % urls.Count]) };
        var admin = await SignInAsync(NewClient(), "admin", password);
        var (locality, reviewer) = await LocalityWithHrReviewerAsync(admin, () => NewClient(), options.Locality, password);
        var applicant = await SignInAsync(NewClient(), $"{locality}-applicant", password);

        var definitionId = $"loadtest-loop-{Guid.NewGuid().ToString("N")[..8]}";
        await Expect(await admin.PostAsJsonAsync("/api/workflows", LoopWorkflow(definitionId, locality)));
        await Expect(await admin.PostAsync($"/api/workflows/{definitionId}/publish", null));

        var applyForm = await Expect(await applicant.GetAsync("/api/forms/apply"));
        var applyData = MinimalValid("apply", applyForm["resolvedSchema"]!.AsObject());
        await NameRegisteredUnitAsync(applicant, locality, applyData);
        var firstTasks = new List<string>();
        var applicationIds = new List<string>();
        for (var i = 0; i < options.Applications + (options.SeedApplications > 0 ? 1 : 0); i++)
        {
            applyData["name"] = $"压测{i:000}";
            var created = await Expect(await applicant.PostAsJsonAsync("/api/applications", new JsonObject
            {
                ["definitionId"] = definitionId, ["data"] = applyData.DeepClone(),
            }));
            var inbox = await Expect(await reviewer.GetAsync($"/api/tasks?q={created["id"]!.GetValue<string>()}"));
            firstTasks.Add(inbox["items"]!.AsArray().First(t => t!["applicationId"]!.GetValue<string>() == created["id"]!.GetValue<string>())!["id"]!.GetValue<string>());
            applicationIds.Add(created["id"]!.GetValue<string>());
        }
        var opened = await Expect(await reviewer.GetAsync($"/api/tasks/{firstTasks[0]}"));
        var data = opened["form"] is JsonObject form ? MinimalValid(form["formId"]!.GetValue<string>(), form["schema"]!.AsObject()) : new JsonObject();

        var reads = "";
        if (options.SeedApplications > 0)
        {
            // The extra application is decided (rejected): the template of the seeded applications that no longer wait.
            await Expect(await reviewer.PostAsJsonAsync($"/api/tasks/{firstTasks[^1]}/act", new { action = "reject", data, comment = "压测" }));
            firstTasks.RemoveAt(firstTasks.Count - 1);
            var seeding = Stopwatch.StartNew();
            var seeded = await ApplicationSeeder.SeedAsync(options.Database!, applicationIds[0], applicationIds[^1], options.SeedApplications,
                options.WaitingShare, DateTime.UtcNow);
            reads += $"seeded: {seeded} applications ({options.WaitingShare:P0} waiting at the HR review) in {seeding.Elapsed.TotalSeconds:F1} s\n";
            var localityAdmin = await SignInAsync(NewClient(), $"{locality}-admin", password);
            reads += await ReadMeasurement.RunAsync(options.Reads, reviewer, admin, localityAdmin, startCounting) + "\n";
            reads += $"server memory after the reads: {memory()}\n";
        }

        var current = firstTasks.ToArray();
        var failures = new List<string>();
        var warmupErrors = await RunPhaseAsync(options, NewClient, reviewer, current, data, Math.Min(options.Warmup, options.Actions), new List<double>(), failures);
        var latencies = new List<double>();
        var cost = startCounting();
        var clock = Stopwatch.StartNew();
        var errors = await RunPhaseAsync(options, NewClient, reviewer, current, data, options.Actions, latencies, failures);
        clock.Stop();
        var perAction = cost.PerAction(latencies.Count);

        // With --url the server's stored state is out of reach: its detail answer stands in (about the same size).
        var sample = await (await reviewer.GetAsync($"/api/tasks/{current[0]}")).Content.ReadAsStringAsync();
        var spread = urls.Count > 1 ? $", spread over {urls.Count} nodes ({string.Join(", ", urls)})" : "";
        return new Run($"""
            {reads}task actions: {latencies.Count} ok, {errors} failed, in {clock.Elapsed.TotalSeconds:F1} s over {options.Applications} applications, {options.Concurrency} workers (after {options.Warmup} warm-up actions){spread}
            throughput: {latencies.Count / clock.Elapsed.TotalSeconds:F1} actions/s
            latency ms: {Latencies.Summary(latencies)}
            memory: {memory()}{perAction}{(failures.Count == 0 ? "" : $"\nfailed actions ({warmupErrors} in the warm-up; the first {failures.Count} shown):\n  " + string.Join("\n  ", failures))}
            """, errors + warmupErrors, latencies.Count / clock.Elapsed.TotalSeconds, sample);
    }

    private const int MaxFailuresShown = 10;

    /// <summary>Workers act on their share of the applications in turn, each action's answer naming the next task.</summary>
    private static async Task<int> RunPhaseAsync(LoadOptions options, Func<int, HttpClient> newClient, HttpClient reviewer, string[] current,
        JsonObject data, int budget, List<double> latencies, List<string> failures)
    {
        var remaining = budget;
        var errors = 0;
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            var client = newClient(worker); // worker i acts on node i mod n: the reviewer's token is accepted by every node
            client.DefaultRequestHeaders.Authorization = reviewer.DefaultRequestHeaders.Authorization;
            var mine = Enumerable.Range(0, current.Length).Where(index => index % options.Concurrency == worker).ToList();
            var position = 0;
            while (mine.Count > 0 && deadline.Elapsed.TotalSeconds < options.Seconds && Interlocked.Decrement(ref remaining) >= 0)
            {
                var slot = mine[position];
                var started = Stopwatch.GetTimestamp();
                HttpResponseMessage response;
                try { response = await client.PostAsJsonAsync($"/api/tasks/{current[slot]}/act", new { action = "approve", data, comment = "压测" }); }
                catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
                {
                    // No answer in time (HttpClient's 100 s) or none at all: a failed action, reported, not the end of the run.
                    Interlocked.Increment(ref errors);
                    lock (failures)
                        if (failures.Count < MaxFailuresShown) failures.Add($"no answer after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s {current[slot]}: {e.Message}");
                    mine.RemoveAt(position);
                    position = mine.Count == 0 ? 0 : position % mine.Count;
                    continue;
                }
                using var answered = response;
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                    var body = await response.Content.ReadAsStringAsync();
                    lock (failures)
                        if (failures.Count < MaxFailuresShown) failures.Add($"{(int)response.StatusCode} {current[slot]}: {(body.Length > 300 ? body[..300] + "…" : body)}");
                    mine.RemoveAt(position);
                }
                else
                {
                    var detail = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                    current[slot] = detail["pendingTasks"]!.AsArray()[0]!["id"]!.GetValue<string>();
                    lock (latencies) latencies.Add(elapsed);
                }
                position = mine.Count == 0 ? 0 : (position + 1) % mine.Count;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return errors;
    }

    /// <summary>apply → review (approve loops back to review, reject ends): every action leaves one new task.</summary>
    private static JsonObject LoopWorkflow(string definitionId, string locality)
    {
        static JsonObject Literal(JsonNode value) => new() { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        static JsonObject Connect(string from, string port, string to) => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        };
        return new JsonObject
        {
            ["definitionId"] = definitionId, ["name"] = "压测：循环审核", ["customProperties"] = new JsonObject { ["locality"] = locality },
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart", ["id"] = "root",
                ["activities"] = new JsonArray
                {
                    new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                    new JsonObject
                    {
                        ["id"] = "apply", ["type"] = "Titles.Task", ["stage"] = Literal("apply"), ["assigneeOrg"] = Literal("applicant"),
                        ["assigneeRole"] = Literal("applicant"), ["actions"] = Literal(new JsonArray("approve")), ["form"] = Literal("apply"),
                    },
                    new JsonObject
                    {
                        ["id"] = "review", ["type"] = "Titles.Task", ["stage"] = Literal("hr-review"), ["assigneeOrg"] = Literal($"{locality}/hr"),
                        ["assigneeRole"] = Literal("reviewer"), ["actions"] = Literal(new JsonArray("approve", "reject")), ["form"] = Literal("review-opinion"),
                    },
                    new JsonObject { ["id"] = "end", ["type"] = "Titles.Conclude", ["result"] = Literal("Rejected") },
                },
                ["connections"] = new JsonArray
                {
                    Connect("start", "Done", "apply"), Connect("apply", "approve", "review"), Connect("review", "approve", "review"), Connect("review", "reject", "end"),
                },
            },
        };
    }

    private static JsonObject MinimalValid(string formId, JsonObject schema) =>
        FileFormCatalog.FromJson([new(formId, (schema.ToJsonString(), (string?)null))]).MinimalValid(formId);

    /// <summary>
    /// The locality given by --locality, else the first one the server lists whose demo HR reviewer
    /// (`&lt;locality&gt;-reviewer-hr`) signs in, with that reviewer signed in.
    /// </summary>
    private static async Task<(string Locality, HttpClient Reviewer)> LocalityWithHrReviewerAsync(HttpClient admin, Func<HttpClient> newClient, string? given, string password)
    {
        if (given is not null) return (given, await SignInAsync(newClient(), $"{given}-reviewer-hr", password));
        var localities = await Expect(await admin.GetAsync("/api/localities?pageSize=200"));
        foreach (var code in localities["items"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()))
        {
            var client = newClient();
            using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = $"{code}-reviewer-hr", password });
            if (!login.IsSuccessStatusCode) continue;
            var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (code, client);
        }
        throw new InvalidOperationException("没有地区的人社审核演示账户可以登录，请用 --locality 指定 (no locality's demo HR reviewer signs in)");
    }

    /// <summary>
    /// The applications name the locality's first registered unit of their employment type, with its county: the server
    /// accepts no other once the locality registers units (the seeded localities do).
    /// </summary>
    private static async Task NameRegisteredUnitAsync(HttpClient applicant, string locality, JsonObject data)
    {
        var units = (await Expect(await applicant.GetAsync($"/api/organisations/units?locality={Uri.EscapeDataString(locality)}&pageSize=200")))["items"]!.AsArray();
        var employment = data["employmentType"]?.GetValue<string>();
        if (units.FirstOrDefault(u => u!["employmentType"]?.GetValue<string>() is not { } type || type == employment) is not JsonObject unit) return;
        data["unit"] = unit["name"]!.GetValue<string>();
        if (unit["county"]?.GetValue<string>() is not { } county) return;
        var localities = await Expect(await applicant.GetAsync("/api/localities?pageSize=200"));
        var place = localities["items"]!.AsArray().FirstOrDefault(l => l!["code"]!.GetValue<string>() == locality);
        data["county"] = place?["counties"]?.AsArray().FirstOrDefault(c => c!["code"]!.GetValue<string>() == county)?["name"]?.GetValue<string>() ?? county;
    }

    private static async Task<HttpClient> SignInAsync(HttpClient client, string userName, string password)
    {
        var login = await Expect(await client.PostAsJsonAsync("/api/auth/login", new { userName, password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());
        return client;
    }

    private static async Task<JsonNode> Expect(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}

/// <summary>What LoadTestCommand parsed (already clamped to its bounds).</summary>
public sealed class LoadOptions
{
    /// <summary>The demo users' password of a development server (Seed:DemoPassword), for --url.</summary>
    public const string DemoPassword = "Designer#2024";

    public string? Url { get; set; }
    public int Port { get; set; } = 5081;
    public int Applications { get; set; } = 20;
    public int Actions { get; set; } = 2000;
    public double Seconds { get; set; } = 60;
    public int Concurrency { get; set; } = 4;
    public int Warmup { get; set; } = 100;
    /// <summary>Bare single-action commits measured after the run, as the floor the throughput is compared with (0: none).</summary>
    public int BareCommits { get; set; } = 1000;
    /// <summary>Null: a fresh one for the in-process server, the demo password for --url.</summary>
    public string? Password { get; set; }
    /// <summary>The locality whose demo applicant and HR reviewer act; null: the first the server lists that has them.</summary>
    public string? Locality { get; set; }
    /// <summary>Several running nodes to spread the workers over (--urls), or the nodes the driver started.</summary>
    public IReadOnlyList<string>? Urls { get; set; }
    /// <summary>Start the server as separate processes (its own memory measured); implied by Nodes &gt; 1.</summary>
    public bool ServerProcess { get; set; }
    public int Nodes { get; set; } = 1;
    /// <summary>A PostgreSQL cluster (connection string without a database) in which the driver makes a scratch database.</summary>
    public string? Postgres { get; set; }
    /// <summary>Applications written straight into the database before the measurement (its own server only).</summary>
    public int SeedApplications { get; set; }
    public double WaitingShare { get; set; } = 0.3;
    /// <summary>Timed reads of each list after seeding.</summary>
    public int Reads { get; set; } = 200;
    /// <summary>The database of the driver's own server, for seeding.</summary>
    public DbContextOptions<DesignerDbContext>? Database { get; set; }
}
