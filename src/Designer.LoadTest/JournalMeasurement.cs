using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Audit;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.LoadTest;

/// <summary>
/// `designer-loadtest journal [ENTRIES] [READS] [PORT]`: the auditor's journal of one application at a long audit chain.
/// Starts its own server on a scratch SQLite file, writes ENTRIES chained audit entries straight into the database
/// (one application's own entry every 1,000, the rest other subjects), then times READS journal requests one at a time.
/// </summary>
public static class JournalMeasurement
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var entries = args.Length > 1 ? int.Parse(args[1]) : 20_000;
        var reads = args.Length > 2 ? int.Parse(args[2]) : 100;
        var port = args.Length > 3 ? int.Parse(args[3]) : 5331;
        var folder = Path.Combine(Path.GetTempPath(), "designer-journal", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "journal.db");
        var password = $"Load#{Guid.NewGuid().ToString("N")[..12]}Aa1";
        var url = $"http://127.0.0.1:{port}";
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = url, ["ConnectionStrings:Designer"] = $"Data Source={file}", ["Seed:DemoUsers"] = "true", ["Seed:DemoPassword"] = password,
            ["Logging:LogLevel:Default"] = "Warning", ["Timers:PollSeconds"] = "3600",
        };
        var server = await DesignerApp.StartAsync([.. settings.SelectMany(s => new[] { $"--{s.Key}", s.Value })]);
        try
        {
            var options = new DbContextOptionsBuilder<DesignerDbContext>().UseSqlite($"Data Source={file};Default Timeout=30").Options;
            var applicationId = await WriteChainAsync(options, entries);
            using var auditor = new HttpClient { BaseAddress = new Uri(url) };
            var login = await auditor.PostAsJsonAsync("/api/auth/login", new { userName = "auditor", password });
            login.EnsureSuccessStatusCode();
            var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
            auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var latencies = new List<double>();
            var listed = 0;
            var intact = false;
            for (var i = -5; i < reads; i++) // five unmeasured requests first
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await auditor.GetAsync($"/api/applications/{applicationId}/journal");
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
                if (i < 0) continue;
                latencies.Add(elapsed);
                var answer = JsonNode.Parse(body)!;
                listed = answer["entries"]!.AsArray().Count;
                intact = answer["verification"]!["intact"]!.GetValue<bool>();
            }
            output.WriteLine($"GET /api/applications/{{id}}/journal at a chain of {await CountAsync(options)} entries ({listed} the application's own, " +
                             $"verified intact: {intact}): {reads} reads; ms {Latencies.Summary(latencies)}");
            return intact ? 0 : 1;
        }
        finally
        {
            await server.StopAsync();
            await server.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>One application row and <paramref name="count"/> entries chained onto the stored tail, as the server chains them.</summary>
    private static async Task<string> WriteChainAsync(DbContextOptions<DesignerDbContext> options, int count)
    {
        const string applicationId = "journal-measured";
        await using var db = new DesignerDbContext(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var locality = await db.Localities.AsNoTracking().Select(l => l.Code).FirstAsync();
        var now = DateTime.UtcNow;
        db.Applications.Add(new ApplicationRecord
        {
            Id = applicationId, ApplicantUserId = "journal-applicant", ApplicantName = "日志申报人", Locality = locality, DefinitionId = "journal",
            DefinitionVersion = 1, WorkflowName = "日志", Status = "running", Year = now.Year, CreatedAt = now, UpdatedAt = now,
        });
        var tail = (await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync())?.ToEntry();
        var timestamp = new DateTimeOffset(now.AddTicks(-(now.Ticks % 10)), TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var own = i % 1000 == 0;
            var subject = own ? $"application/{applicationId}" : $"application/other-{i % 5000}";
            var data = new JsonObject { ["stage"] = "hr-review", ["action"] = "approve", ["comment"] = $"第 {i} 条" };
            var summary = $"reviewer 办理申报 {subject}";
            tail = AuditChain.Append(tail, timestamp, "reviewer", "application.act", subject, summary, data);
            db.AuditEntries.Add(new AuditRecord
            {
                Sequence = tail.Sequence, Timestamp = timestamp.UtcDateTime, Actor = tail.Actor, Kind = tail.Kind, Subject = subject, Locality = locality,
                Summary = summary, DataJson = JsonText.Write(data, indented: false), DataHash = tail.DataHash, PreviousHash = tail.PreviousHash, Hash = tail.Hash,
            });
        }
        await db.SaveChangesAsync();
        return applicationId;
    }

    private static async Task<int> CountAsync(DbContextOptions<DesignerDbContext> options)
    {
        await using var db = new DesignerDbContext(options);
        return await db.AuditEntries.CountAsync();
    }
}
