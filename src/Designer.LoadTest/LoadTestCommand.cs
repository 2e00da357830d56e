using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace Designer.LoadTest;

/// <summary>
/// `designer-loadtest [options]`: the load driver's command line. Exit 0 when every measured action succeeded,
/// 1 when some failed or the server could not be driven, 2 for a usage error (and every value out of its bounds).
/// </summary>
public static class LoadTestCommand
{
    public const int Ok = 0;
    public const int ProblemsFound = 1;
    public const int BadInput = 2;

    public static RootCommand Create()
    {
        var url = new Option<string?>("--url")
        {
            Description = "驱动已在运行的服务器（仅限 127.0.0.1，请用临时数据库）；默认自启一个 (drive a running server on 127.0.0.1 instead of starting one)",
            HelpName = "URL",
        };
        url.Validators.Add(result =>
        {
            if (result.GetValue(url) is { } address && !IsLoopbackHttp(address))
                result.AddError($"--url 只能指向本机 127.0.0.1 的 http 地址 (only a loopback http address is driven): {address}");
        });
        var port = Bounded(new Option<int>("--port") { Description = "自启服务器的端口 (the in-process server's port)", DefaultValueFactory = _ => 5081 }, 1, 65535);
        var applications = Bounded(new Option<int>("--applications") { Description = "提交的申报数 (applications submitted)", DefaultValueFactory = _ => 20 }, 1, 500);
        var actions = Bounded(new Option<int>("--actions") { Description = "计时的办理动作数上限 (measured task actions, at most)", DefaultValueFactory = _ => 2000 }, 1, 100_000);
        var seconds = Bounded(new Option<double>("--seconds") { Description = "计时阶段的时长上限，秒 (time limit of the measured phase)", DefaultValueFactory = _ => 60 }, 1, 600);
        var concurrency = Bounded(new Option<int>("--concurrency") { Description = "并发办理的工作者数 (workers acting at once)", DefaultValueFactory = _ => 4 }, 1, 64);
        var warmup = Bounded(new Option<int>("--warmup") { Description = "不计时的预热动作数 (unmeasured warm-up actions)", DefaultValueFactory = _ => 100 }, 0, 10_000);
        var bare = Bounded(new Option<int>("--bare-commits")
        {
            Description = "压测后测量的单次动作裸提交次数，作为比值的基准；0 为不测 (bare single-action SQLite commits measured beside the run; 0: none)",
            DefaultValueFactory = _ => 1000,
        }, 0, 100_000);
        var password = new Option<string?>("--password")
        {
            Description = "演示账户的密码；默认：自启服务器用新生成的密码，--url 用 Designer#2024 (the demo users' password)",
        };

        var locality = new Option<string?>("--locality")
        {
            Description = "其演示申报人与人社审核人办理的地区代码；默认取服务器列出的第一个有此账户的地区 (the locality whose demo applicant and HR reviewer act)",
            HelpName = "CODE",
        };

        var urls = new Option<string?>("--urls")
        {
            Description = "多个已在运行的节点，逗号分隔，工作者轮流分布其上（仅限 127.0.0.1）(several running nodes, comma separated: workers are spread over them)",
            HelpName = "URL,URL",
        };
        urls.Validators.Add(result =>
        {
            foreach (var address in (result.GetValue(urls) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!IsLoopbackHttp(address)) result.AddError($"--urls 只能指向本机 127.0.0.1 的 http 地址 (only loopback http addresses are driven): {address}");
        });
        var serverProcess = new Option<bool>("--server-process") { Description = "把服务器作为独立进程启动，并测量其内存 (start the server as its own process and measure its memory)" };
        var nodes = Bounded(new Option<int>("--nodes") { Description = "启动的服务器节点数，端口自 --port 起；多于 1 个须配 --postgres (server nodes started, on ports from --port; more than one needs --postgres)", DefaultValueFactory = _ => 1 }, 1, 4);
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL 集群连接串（仅限 127.0.0.1），在其中建临时数据库，结束时删除 (a PostgreSQL cluster on 127.0.0.1: a scratch database is made in it and dropped afterwards)",
            HelpName = "CONNECTION",
        };
        postgres.Validators.Add(result =>
        {
            if (result.GetValue(postgres) is { } connection && !IsLoopbackPostgres(connection))
                result.AddError("--postgres 只能指向本机 127.0.0.1 的集群 (only a loopback cluster is used)");
        });
        var seed = Bounded(new Option<int>("--seed-applications") { Description = "测量前直接写入数据库的申报数（仅自启服务器）(applications written straight into the database first; own server only)", DefaultValueFactory = _ => 0 }, 0, 200_000);
        var waiting = Bounded(new Option<double>("--waiting-share") { Description = "写入的申报中停在人社审核的比例 (share of the seeded applications waiting at the HR review)", DefaultValueFactory = _ => 0.3 }, 0, 1);
        var reads = Bounded(new Option<int>("--reads") { Description = "写入后每个列表计时读取的次数 (timed reads of each list after seeding)", DefaultValueFactory = _ => 200 }, 1, 10_000);

        var command = new RootCommand("任务办理吞吐量压测：POST /api/tasks/{id}/act 每秒次数与延迟 (task actions per second over HTTP)")
        {
            url, port, applications, actions, seconds, concurrency, warmup, bare, password, locality, urls, serverProcess, nodes, postgres, seed, waiting, reads,
        };
        command.Validators.Add(result =>
        {
            try { CheckCombination(result); }
            catch (InvalidOperationException) { } // an option's own value is wrong: its error is the one reported
        });
        void CheckCombination(System.CommandLine.Parsing.CommandResult result)
        {
            var running = result.GetValue(url) is not null || result.GetValue(urls) is not null;
            if (running && result.GetValue(seed) > 0) result.AddError("--seed-applications 只用于自启的服务器 (seeding needs the driver's own server)");
            if (running && (result.GetValue(nodes) > 1 || result.GetValue(postgres) is not null))
                result.AddError("--nodes 与 --postgres 用于自启的服务器，不能与 --url/--urls 同用 (for the driver's own servers only)");
            if (result.GetValue(nodes) > 1 && result.GetValue(postgres) is null)
                result.AddError("--nodes 多于 1 个时须共用一个 PostgreSQL：请给出 --postgres (several nodes share one PostgreSQL)");
        }
        command.HelpName = "designer-loadtest";
        command.SetAction(async (parsed, cancellation) =>
        {
            var options = new LoadOptions
            {
                Url = parsed.GetValue(url)?.TrimEnd('/'), Port = parsed.GetValue(port), Applications = parsed.GetValue(applications),
                Actions = parsed.GetValue(actions), Seconds = parsed.GetValue(seconds), Concurrency = parsed.GetValue(concurrency),
                Warmup = parsed.GetValue(warmup), BareCommits = parsed.GetValue(bare), Password = parsed.GetValue(password), Locality = parsed.GetValue(locality),
                Urls = parsed.GetValue(urls)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => u.TrimEnd('/')).ToList(),
                ServerProcess = parsed.GetValue(serverProcess), Nodes = parsed.GetValue(nodes), Postgres = parsed.GetValue(postgres),
                SeedApplications = parsed.GetValue(seed), WaitingShare = parsed.GetValue(waiting), Reads = parsed.GetValue(reads),
            };
            var error = parsed.InvocationConfiguration.Error;
            try
            {
                var failed = await LoadDriver.RunAsync(options, parsed.InvocationConfiguration.Output);
                return failed == 0 ? Ok : ProblemsFound;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
            {
                error.WriteLine($"压测未能完成 (the load test could not run): {e.Message}");
                return ProblemsFound;
            }
        });
        return command;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            foreach (var problem in parsed.Errors) error.WriteLine($"用法错误 (usage error): {problem.Message}");
            error.WriteLine("运行 “designer-loadtest --help” 查看用法 (run it for usage)");
            return BadInput;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static bool IsLoopbackHttp(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IsLoopback;

    private static bool IsLoopbackPostgres(string connection)
    {
        try
        {
            var host = new Npgsql.NpgsqlConnectionStringBuilder(connection).Host;
            return host is "127.0.0.1" or "localhost" or "::1";
        }
        catch (ArgumentException) { return false; }
    }

    /// <summary>A number, invariant culture, within [min, max]; anything else is a usage error naming the bounds.</summary>
    private static Option<T> Bounded<T>(Option<T> option, T min, T max) where T : struct, INumber<T>
    {
        option.CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (T.TryParse(token, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"{option.Name} 应为 {min} 到 {max} 之间的数 (must be a number from {min} to {max}): {token}"));
            return default;
        };
        return option;
    }
}
