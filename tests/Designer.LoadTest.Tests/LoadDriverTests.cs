using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Designer.LoadTest;

namespace Designer.LoadTest.Tests;

/// <summary>The load driver as its user runs it: a short bounded run against its own server on 127.0.0.1, and its command line.</summary>
public class LoadDriverTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private Task<int> Run(params string[] args) => LoadTestCommand.RunAsync(args, _out, _err);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_short_run_against_its_own_server_acts_exactly_the_actions_asked_for()
    {
        var exit = await Run("--port", FreePort().ToString(), "--applications", "3", "--actions", "12", "--warmup", "3",
            "--concurrency", "2", "--seconds", "120", "--bare-commits", "50");
        var report = _out.ToString();
        Assert.True(exit == 0, report + _err);
        Assert.Contains("task actions: 12 ok, 0 failed", report);
        Assert.Contains("over 3 applications, 2 workers (after 3 warm-up actions)", report);
        var throughput = double.Parse(Regex.Match(report, @"throughput: ([\d.]+) actions/s").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(throughput > 0);
        Assert.Matches(@"latency ms: p50 [\d.]+, p95 [\d.]+, p99 [\d.]+, max [\d.]+", report);
        // The floor measured beside the run, and the ratio the goals are stated in (issue 14).
        Assert.Matches(@"bare commit of one action's rows \(\d+ characters of state, \d+ of a journal row; longest journal \d+ rows; WAL, synchronous=FULL, one writer\): \d+ commits/s; in groups of 16: \d+ actions/s", report);
        Assert.Matches(@"ratio: task actions/s / bare single-action commit rate = [\d.]+", report);
        // What each action cost, the figures that do not depend on the machine's load: CPU, bytes allocated, collections.
        var cost = Regex.Match(report, @"cost per action: ([\d.]+) ms CPU, ([\d.]+) KB allocated \(server and driver in one process\); garbage collections in the run: gen0 \d+, gen1 \d+, gen2 \d+");
        Assert.True(cost.Success, report);
        Assert.True(double.Parse(cost.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, report);
    }

    [Fact]
    public async Task Help_exits_0_and_names_every_option()
    {
        Assert.Equal(0, await Run("--help"));
        foreach (var option in LoadTestCommand.Create().Options.Where(o => o.Name.StartsWith("--")))
            Assert.Contains(option.Name, _out.ToString());
        Assert.Contains("--concurrency", _out.ToString());
    }

    [Theory]
    [InlineData("--actions", "lots")]
    [InlineData("--actions", "0")]
    [InlineData("--seconds", "601")]
    [InlineData("--concurrency", "65")]
    [InlineData("--bare-commits", "100001")]
    [InlineData("--frobnicate", "1")]
    [InlineData("--url", "http://example.com:5080")]
    [InlineData("--url", "not a url")]
    [InlineData("--urls", "http://127.0.0.1:5080,http://example.com:5081")]
    [InlineData("--nodes", "2")]
    [InlineData("--nodes", "5")]
    [InlineData("--postgres", "Host=example.com;Username=designer")]
    [InlineData("--seed-applications", "200001")]
    public async Task A_usage_error_exits_2_naming_the_option_and_contacts_nothing(string option, string value)
    {
        Assert.Equal(2, await Run(option, value));
        Assert.Contains(option, _err.ToString());
        Assert.Empty(_out.ToString());
    }

    [Fact]
    public async Task Seeding_is_only_for_its_own_server()
    {
        Assert.Equal(2, await Run("--url", "http://127.0.0.1:5080", "--seed-applications", "10"));
        Assert.Contains("--seed-applications", _err.ToString());
        Assert.Empty(_out.ToString());
    }

    [Fact]
    public async Task Seeded_applications_are_listed_and_the_list_reads_are_reported_with_the_servers_memory()
    {
        var exit = await Run("--port", FreePort().ToString(), "--applications", "2", "--actions", "4", "--warmup", "0",
            "--concurrency", "1", "--seed-applications", "40", "--waiting-share", "0.5", "--reads", "3");
        var report = _out.ToString();
        Assert.True(exit == 0, report + _err);
        Assert.Contains("seeded: 40 applications", report);
        // The seeded applications and the driver's own (two measured, one decided template) are all listed to the admin.
        Assert.Matches(@"GET /api/applications \(policy admin, page 1\): 3 reads of 43 listed", report);
        Assert.Matches(@"GET /api/tasks \(reviewer, page 1\): 3 reads of \d+ listed", report);
        Assert.Matches(@"memory: RSS \d+ MB", report);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_a_problem_found_not_a_crash()
    {
        Assert.Equal(1, await Run("--url", $"http://127.0.0.1:{FreePort()}", "--applications", "1", "--actions", "1"));
        Assert.Contains("压测未能完成 (the load test could not run)", _err.ToString());
    }
}
