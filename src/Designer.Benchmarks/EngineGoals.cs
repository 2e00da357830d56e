using System.Diagnostics;
using System.Globalization;

namespace Designer.Benchmarks;

/// <summary>
/// `Designer.Benchmarks goals [rounds]`: issue 14's two engine goals for benchmarks/goals.sh, quicker than a
/// BenchmarkDotNet job: one review transition (TransitionBenchmark) and a whole Bazhou application
/// (ApplicationBenchmark), each warmed up (two seconds at least), then timed in rounds; prints the median of the rounds and the bytes
/// allocated per operation (exact, whatever the load) as JSON lines.
/// </summary>
internal static class EngineGoals
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var transition = new TransitionBenchmark();
        transition.Setup();
        Report("transition", "one review transition", rounds, TransitionBenchmark.Transitions, 20, () => transition.ReviewTransition());
        var application = new ApplicationBenchmark();
        application.Setup();
        Report("application", "a whole Bazhou deputy-senior application", rounds, 1, 20, () => application.FullApplication());
        return 0;
    }

    /// <param name="operations">operations per call of <paramref name="run"/></param>
    private static void Report(string goal, string what, int rounds, int operations, int callsPerRound, Func<object> run)
    {
        // Warm-up (JIT, caches): at least one round's calls and two seconds, so that the tiered JIT has replaced the
        // first, unoptimised code by the time rounds are timed (a server runs the optimised code).
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < callsPerRound || warming.Elapsed < TimeSpan.FromSeconds(2); i++) run();
        var microseconds = new List<double>();
        long allocated = 0;
        for (var round = 0; round < rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < callsPerRound; i++) run();
            clock.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            microseconds.Add(clock.Elapsed.TotalMicroseconds / (callsPerRound * operations));
        }
        var sorted = microseconds.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"goal":"{{goal}}","what":"{{what}}","microseconds":{{sorted[rounds / 2]:F1}},"min":{{sorted[0]:F1}},"bytesAllocated":{{allocated / (callsPerRound * operations)}}}"""));
    }
}
