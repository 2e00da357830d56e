using System.Diagnostics;
using System.Globalization;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;

namespace Designer.Benchmarks;

/// <summary>
/// `Designer.Benchmarks peer [instances] [rounds]`: the Designer side of benchmarks/peer/run.sh. Each instance of the
/// 10-step flow is started and its ten person steps resumed one after another to completion; prints the median
/// microseconds per instance over the rounds as JSON, in the shape ten-steps.mjs prints bpmn-engine's.
/// </summary>
internal static class PeerFlow
{
    public static int Run(string[] args)
    {
        var instances = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var calendar = WorkingDayCalendar.WeekendsOnly;
        var engine = new WorkflowEngine(new EngineServices
        {
            Clock = ManualClock.StartingOn(new DateOnly(2026, 3, 2)), Calendar = calendar, Scripts = new JintScriptSandbox(SandboxLimits.Default, calendar),
        });
        var definition = LoopFlows.TenSteps();
        var approve = new ResumeInput("approve", null, "reviewer");

        void RunOnce(int n)
        {
            var state = engine.Start(definition, new StartRequest($"peer-{n}"));
            var resumed = 0;
            while (state.Bookmarks.Count > 0)
            {
                state = engine.Resume(definition, state, state.Bookmarks[0].Id, approve);
                resumed++;
            }
            if (resumed != 10 || state.Status != WorkflowStatus.Completed) throw new InvalidOperationException($"resumed {resumed}, {state.Status}");
        }

        for (var i = 0; i < 50; i++) RunOnce(i);   // warm-up (JIT)
        var perInstance = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < instances; i++) RunOnce(i);
            perInstance.Add(clock.Elapsed.TotalMicroseconds / instances);
        }
        var sorted = perInstance.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"engine":"designer","instances":{{instances}},"rounds":{{rounds}},"microsecondsPerInstance":{{sorted[rounds / 2]:F1}},"rounds_us":[{{string.Join(",", perInstance.Select(p => p.ToString("F1", CultureInfo.InvariantCulture)))}}]}"""));
        return 0;
    }
}
