using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Designer.Server.Tests.Hardening;

/// <summary>
/// kill -9 of a real server process during concurrent task actions and a committee close, then a restart on the same
/// SQLite file: no acknowledged action lost or duplicated, no application half-moved (the close finishes), the audit
/// chain intact (issue 13, the crash test).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    // The PostgreSQL copy of these tests runs beside this one (tests/Designer.Server.Tests.Postgres).
    private static readonly int Port = TestDatabase.IsPostgres ? 5118 : 5117;
    private const string Org = "sample-city/enterprise/crash-test";
    private const string Reviewer = "sample-city-reviewer-enterprise-crash-test";
    private const int Candidates = 12;
    private const int LoopApplications = 4;
    private const int Workers = 4;

    private readonly string _folder = Folders.New();

    private Dictionary<string, string> Settings => new()
    {
        ["Seed:DemoUsers"] = "true", ["Seed:DemoPassword"] = DesignerFactory.Password,
        ["Timers:PollSeconds"] = "3600",
        // The shared forms are seeded from schemas/, but none of the repository's workflows (a quicker start).
        ["Designer:WorkflowsPath"] = Path.Combine(_folder, "no-workflows"),
    };

    /// <summary>Per loop application: actions acknowledged (200), the tasks they closed, and whether one was in flight at the kill.</summary>
    private sealed class LoopLedger
    {
        public int Acknowledged;
        public readonly List<string> ClosedTasks = [];
        public bool InFlight;
        public string CurrentTask = "";
    }

    [Fact]
    public async Task Killed_during_actions_and_a_committee_close_the_server_loses_nothing_and_finishes_the_close()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "no-workflows"));
        // The organisational world (vocabulary, localities) lives beside the workflows: the quick start keeps it.
        CopyFolder(Path.Combine(ServerProcess.RepositoryRoot(), "workflows", "world"), Path.Combine(_folder, "no-workflows", "world"));
        // A demo reviewer (committee and reviewer roles) for the organisation the test's workflows assign to.
        File.AppendAllText(Path.Combine(_folder, "no-workflows", "world", "demo-users.csv"), $"{Reviewer},崩溃测试审核人,reviewer,sample-city,{Org},committee;reviewer\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var committeeWorkflow = $"crash-committee-{suffix}";
        var loopWorkflow = $"crash-loop-{suffix}";
        string sessionId;
        var candidates = new List<string>();
        var expectedDecision = new Dictionary<string, bool>();
        var loops = new Dictionary<string, LoopLedger>();

        using (var server = await ServerProcess.StartAsync(Port, _folder, Settings))
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: started");
            var admin = await server.SignInAsync("admin");
            foreach (var definition in new[] { TestWorkflows.Committee(committeeWorkflow, Org), TestWorkflows.Loop(loopWorkflow, Org) })
            {
                (await admin.PostAsync("/api/workflows", definition)).Expect(HttpStatusCode.Created);
                (await admin.PostAsync($"/api/workflows/{definition["definitionId"]}/publish")).Expect(HttpStatusCode.OK);
            }
            var applicant = await server.SignInAsync("sample-city-applicant");
            var applyData = ApplicationDriver.MinimalValid("apply", (await applicant.GetOkAsync("/api/forms/apply"))["resolvedSchema"]!.AsObject());
            await ApplicationDriver.NameRegisteredUnitAsync(applicant, "sample-city", applyData);
            async Task<string> SubmitAsync(string definitionId, string name)
            {
                var data = (JsonObject)applyData.DeepClone();
                data["name"] = name;
                return (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data }))
                    .Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
            }
            for (var i = 0; i < Candidates; i++) candidates.Add(await SubmitAsync(committeeWorkflow, $"候选{i:00}"));
            for (var i = 0; i < LoopApplications; i++) loops[await SubmitAsync(loopWorkflow, $"循环{i:00}")] = new LoopLedger();

            var reviewer = await server.SignInAsync(Reviewer);
            foreach (var task in (await reviewer.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray())
                if (loops.TryGetValue(task!["applicationId"]!.GetValue<string>(), out var ledger)) ledger.CurrentTask = task["id"]!.GetValue<string>();
            Assert.All(loops.Values, l => Assert.NotEmpty(l.CurrentTask));

            var session = (await reviewer.PostAsync("/api/committee-sessions", new JsonObject { ["definitionId"] = committeeWorkflow })).Expect(HttpStatusCode.Created);
            sessionId = session["id"]!.GetValue<string>();
            Assert.Equal(Candidates, session["candidates"]!.AsArray().Count);
            for (var i = 0; i < candidates.Count; i++)
            {
                var passes = i % 3 != 0;
                expectedDecision[candidates[i]] = passes;
                (await reviewer.PostAsync($"/api/committee-sessions/{sessionId}/votes", new JsonObject
                {
                    ["applicationId"] = candidates[i], ["for"] = passes ? 6 : 1, ["against"] = passes ? 1 : 6, ["abstain"] = 0,
                })).Expect(HttpStatusCode.OK);
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {Candidates + LoopApplications} applications submitted, the session voted");
            // Concurrent task actions; then the close; the kill once the close is under way.
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => ActUntilStoppedAsync(server, loops.Where((_, i) => i % Workers == w).Select(p => p.Value).ToList(), stop.Token))).ToArray();
            while (loops.Values.Sum(l => Volatile.Read(ref l.Acknowledged)) < 12) await Task.Delay(20);
            var close = Task.Run(() => reviewer.PostAsync($"/api/committee-sessions/{sessionId}/close"));
            var watcher = await server.SignInAsync("auditor");
            var seen = "open";
            for (var attempt = 0; attempt < 500 && seen == "open"; attempt++)
                seen = (await watcher.GetOkAsync($"/api/committee-sessions/{sessionId}"))["status"]!.GetValue<string>();
            await Task.Delay(150);
            server.Kill();
            stop.Cancel();
            await Task.WhenAll(workers);
            var closeAnswered = await close.ContinueWith(t => t.IsCompletedSuccessfully ? (int)t.Result.Status : 0);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed with the session {seen}; close answered {closeAnswered}; {loops.Values.Sum(l => l.Acknowledged)} task actions acknowledged");
        }

        using (var restarted = await ServerProcess.StartAsync(Port, _folder, Settings))
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: restarted");
            var auditor = await restarted.SignInAsync("auditor");
            var reviewer = await restarted.SignInAsync(Reviewer);
            JsonNode session = new JsonObject();
            for (var attempt = 0; attempt < 150; attempt++)
            {
                session = await auditor.GetOkAsync($"/api/committee-sessions/{sessionId}");
                if (session["status"]!.GetValue<string>() != "closing") break;
                await Task.Delay(100);
            }
            // Killed before the decisions were saved, the session is still open: closing it now must work as ever.
            if (session["status"]!.GetValue<string>() == "open")
                session = (await reviewer.PostAsync($"/api/committee-sessions/{sessionId}/close")).Expect(HttpStatusCode.OK);
            Assert.True(session["status"]!.GetValue<string>() == "closed", $"{session.ToJsonString()}\n{restarted.LogTail}");

            // No application half-moved: every candidate left its vote exactly once, as the session decided.
            foreach (var candidate in session["candidates"]!.AsArray())
            {
                var id = candidate!["applicationId"]!.GetValue<string>();
                Assert.Equal(expectedDecision[id] ? "passed" : "failed-vote", candidate["decision"]!.GetValue<string>());
                var detail = await auditor.GetOkAsync($"/api/applications/{id}");
                Assert.Equal(expectedDecision[id] ? "Completed" : "Rejected", detail["status"]!.GetValue<string>());
                Assert.Single(ApplicationDriver.Stages(detail), stage => stage == "committee-vote");
                Assert.Empty(detail["waitingAt"]!.AsArray());
            }

            // No acknowledged action lost or duplicated: each loop application's journal holds every acknowledged
            // review action once, plus at most the one that was in flight at the kill; acknowledged tasks stay closed.
            var open = (await reviewer.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToHashSet();
            foreach (var (id, ledger) in loops)
            {
                var reviews = ApplicationDriver.Stages(await auditor.GetOkAsync($"/api/applications/{id}")).Count(stage => stage == "hr-review");
                Assert.InRange(reviews, ledger.Acknowledged, ledger.Acknowledged + (ledger.InFlight ? 1 : 0));
                Assert.DoesNotContain(ledger.ClosedTasks, open.Contains);
                var next = (await reviewer.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Single(t => t!["applicationId"]!.GetValue<string>() == id)!;
                var acted = await reviewer.PostAsync($"/api/tasks/{next["id"]!.GetValue<string>()}/act", new JsonObject
                {
                    ["action"] = "approve", ["data"] = new JsonObject { ["opinion"] = "同意" }, ["comment"] = "重启后",
                });
                acted.Expect(HttpStatusCode.OK);
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: the close finished, every application checked");
            var verification = await auditor.GetOkAsync("/api/audit/verify");
            Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());
        }
    }

    /// <summary>Approves each owned application's current review in turn until stopped or the server is gone.</summary>
    private static async Task ActUntilStoppedAsync(ServerProcess server, List<LoopLedger> mine, CancellationToken stop)
    {
        var reviewer = await server.SignInAsync(Reviewer);
        var data = new JsonObject { ["opinion"] = "同意" };
        for (var turn = 0; !stop.IsCancellationRequested; turn++)
        {
            var ledger = mine[turn % mine.Count];
            ledger.InFlight = true;
            ApiResponse answer;
            try
            {
                answer = await reviewer.PostAsync($"/api/tasks/{ledger.CurrentTask}/act", new JsonObject { ["action"] = "approve", ["data"] = data.DeepClone(), ["comment"] = "压测" });
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // The server is gone: this action's outcome is unknown (InFlight stays true).
            }
            if (answer.Status != HttpStatusCode.OK) throw new InvalidOperationException($"{(int)answer.Status} {answer.Text}");
            ledger.ClosedTasks.Add(ledger.CurrentTask);
            ledger.CurrentTask = answer.Json!["pendingTasks"]!.AsArray()[0]!["id"]!.GetValue<string>();
            Interlocked.Increment(ref ledger.Acknowledged);
            ledger.InFlight = false;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        TestDatabase.Drop(_folder);
        DesignerFactory.TryDelete(_folder);
    }
}
