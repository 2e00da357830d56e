using System.Diagnostics;
using System.Globalization;

namespace Designer.Benchmarks;

/// <summary>
/// `Designer.Benchmarks loop application|transition [seconds]`: runs one benchmark's operation in a loop for a while
/// (after a short warm-up), for a profiler to attach to (`dotnet-trace collect --profile cpu-sampling -- …`). Prints
/// how many operations ran; it is not a measurement.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(string[] args)
    {
        var which = args.Length > 1 ? args[1] : "application";
        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        Func<object> run;
        if (which == "transition")
        {
            var transition = new TransitionBenchmark();
            transition.Setup();
            run = () => transition.ReviewTransition();
        }
        else
        {
            var application = new ApplicationBenchmark();
            application.Setup();
            run = () => application.FullApplication();
        }
        var clock = Stopwatch.StartNew();
        var operations = 0L;
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds)) { run(); operations++; }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{which}: {operations} operations in {clock.Elapsed.TotalSeconds:F1} s; collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms"));
        return 0;
    }
}
