#if POSTGRES
using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Designer.Server.Tests.MultiNode;

/// <summary>
/// Two server processes over one PostgreSQL database, reviewers acting through both; one node is killed (SIGKILL) under
/// load with timers about to fall due. The survivor has every acknowledged action once (none lost, none duplicated)
/// and fires every due timer exactly once.
/// </summary>
public sealed class NodeKillTests(ITestOutputHelper output) : IDisposable
{
    private const int FirstPort = 5221;
    private const string Org = "sample-city/enterprise/node-kill";
    private const string Reviewer = "sample-city-reviewer-enterprise-node-kill";
    private const int LoopApplications = 6;
    private const int TimerApplications = 6;
    private static readonly TimeSpan TimerDelay = TimeSpan.FromSeconds(45);

    private readonly string _folder = Folders.New();

    private Dictionary<string, string> Settings => new()
    {
        ["Seed:DemoUsers"] = "true", ["Seed:DemoPassword"] = DesignerFactory.Password,
        ["Seed:Organisations:9"] = Org, ["Timers:PollSeconds"] = "1",
        ["Designer:WorkflowsPath"] = Path.Combine(_folder, "no-workflows"),
    };

    private sealed class Ledger
    {
        public int Acknowledged;
        public readonly List<string> ClosedTasks = [];
        public bool InFlight;
        public string CurrentTask = "";
    }

    [Fact]
    public async Task Killing_one_node_under_load_loses_no_acknowledged_action_and_the_survivor_fires_every_timer_once()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "no-workflows"));
        CopyFolder(Path.Combine(ServerProcess.RepositoryRoot(), "workflows", "world"), Path.Combine(_folder, "no-workflows", "world"));
        // A demo reviewer for the organisation the test's workflows assign to (publishing refuses a step nobody holds).
        File.AppendAllText(Path.Combine(_folder, "no-workflows", "world", "demo-users.csv"), $"{Reviewer},节点测试审核人,reviewer,sample-city,{Org},committee;reviewer\n");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (loopWorkflow, timerWorkflow) = ($"kill-loop-{suffix}", $"kill-timer-{suffix}");
        var loops = new Dictionary<string, Ledger>();
        var timed = new List<string>();

        using var doomed = await ServerProcess.StartAsync(FirstPort, _folder, Settings);
        using var survivor = await ServerProcess.StartAsync(FirstPort + 1, _folder, Settings);
        var admin = await doomed.SignInAsync("admin");
        foreach (var definition in new[] { TestWorkflows.Loop(loopWorkflow, Org), TestWorkflows.Delayed(timerWorkflow, Org, TimerDelay) })
        {
            (await admin.PostAsync("/api/workflows", definition)).Expect(HttpStatusCode.Created);
            (await admin.PostAsync($"/api/workflows/{definition["definitionId"]}/publish")).Expect(HttpStatusCode.OK);
        }
        var applicant = await survivor.SignInAsync("sample-city-applicant");
        var applyData = ApplicationDriver.MinimalValid("apply", (await applicant.GetOkAsync("/api/forms/apply"))["resolvedSchema"]!.AsObject());
        await ApplicationDriver.NameRegisteredUnitAsync(applicant, "sample-city", applyData);
        async Task<string> SubmitAsync(string definitionId, string name)
        {
            var data = (JsonObject)applyData.DeepClone();
            data["name"] = name;
            return (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data }))
                .Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        }
        for (var i = 0; i < LoopApplications; i++) loops[await SubmitAsync(loopWorkflow, $"双节点循环{i:00}")] = new Ledger();
        var reviewer = await survivor.SignInAsync(Reviewer);
        foreach (var task in (await reviewer.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray())
            if (loops.TryGetValue(task!["applicationId"]!.GetValue<string>(), out var ledger)) ledger.CurrentTask = task["id"]!.GetValue<string>();
        Assert.All(loops.Values, l => Assert.NotEmpty(l.CurrentTask));
        // Timers last: they fall due TimerDelay after submission, after the kill.
        for (var i = 0; i < TimerApplications; i++) timed.Add(await SubmitAsync(timerWorkflow, $"双节点计时{i:00}"));
        var submitted = DateTime.UtcNow;

        // Workers 0, 2, 4 act through the doomed node, 1, 3, 5 through the survivor, each on its own applications.
        using var stop = new CancellationTokenSource();
        var nodes = new[] { doomed, survivor };
        var shares = loops.Values.ToList();
        var workers = shares.Select((ledger, w) => Task.Run(() => ActUntilStoppedAsync(nodes[w % 2], ledger, stop.Token))).ToArray();
        while (shares.Sum(l => Volatile.Read(ref l.Acknowledged)) < 18) await Task.Delay(20);
        doomed.Kill();
        output.WriteLine($"killed after {shares.Sum(l => l.Acknowledged)} acknowledged actions, {(DateTime.UtcNow - submitted).TotalSeconds:F0} s after the timers were set");
        Assert.True(DateTime.UtcNow - submitted < TimerDelay, "the kill came after the timers fell due: the test proves nothing about the survivor");
        await Task.Delay(1000);
        stop.Cancel();
        await Task.WhenAll(workers);

        var auditor = await survivor.SignInAsync("auditor");
        var open = (await reviewer.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray();
        foreach (var (id, ledger) in loops)
        {
            var reviews = ApplicationDriver.Stages(await auditor.GetOkAsync($"/api/applications/{id}")).Count(stage => stage == "hr-review");
            // Every acknowledged action once; at most the one in flight at the kill besides; an acknowledged task stays closed.
            Assert.InRange(reviews, ledger.Acknowledged, ledger.Acknowledged + (ledger.InFlight ? 1 : 0));
            Assert.DoesNotContain(open, t => ledger.ClosedTasks.Contains(t!["id"]!.GetValue<string>()));
            Assert.Single(open, t => t!["applicationId"]!.GetValue<string>() == id);
        }

        // The survivor alone sweeps now: each timer fires once, then nothing more happens however many sweeps follow.
        var deadline = submitted + TimerDelay + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var waiting = (await reviewer.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Count(t => timed.Contains(t!["applicationId"]!.GetValue<string>()));
            if (waiting == TimerApplications) break;
            await Task.Delay(500);
        }
        await Task.Delay(3000);
        var afterSweeps = (await reviewer.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray();
        foreach (var id in timed)
        {
            var review = Assert.Single(afterSweeps, t => t!["applicationId"]!.GetValue<string>() == id)!;
            var waitingAt = (await auditor.GetOkAsync($"/api/applications/{id}"))["waitingAt"]!.AsArray();
            Assert.Equal("hr-review", Assert.Single(waitingAt)!["stage"]!.GetValue<string>());
            var done = (await reviewer.PostAsync($"/api/tasks/{review["id"]!.GetValue<string>()}/act", new JsonObject
            {
                ["action"] = "approve", ["data"] = new JsonObject { ["opinion"] = "同意" }, ["comment"] = "计时后",
            })).Expect(HttpStatusCode.OK);
            Assert.Equal("Completed", done["status"]!.GetValue<string>());
        }
        var verification = await auditor.GetOkAsync("/api/audit/verify");
        Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());
    }

    /// <summary>Approves the application's current review until stopped or its node is gone.</summary>
    private static async Task ActUntilStoppedAsync(ServerProcess node, Ledger ledger, CancellationToken stop)
    {
        var reviewer = await node.SignInAsync(Reviewer);
        var data = new JsonObject { ["opinion"] = "同意" };
        while (!stop.IsCancellationRequested)
        {
            ledger.InFlight = true;
            ApiResponse answer;
            try
            {
                answer = await reviewer.PostAsync($"/api/tasks/{ledger.CurrentTask}/act", new JsonObject { ["action"] = "approve", ["data"] = data.DeepClone(), ["comment"] = "双节点" });
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // The node is gone: this action's outcome is unknown (InFlight stays true).
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
#endif
