using Designer.Engine.Runtime;
using Designer.Server.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Studio.Tests.Infrastructure;

/// <summary>
/// A Studio server of one journey's own (own SQLite file, own port) whose engine reads a <see cref="ManualClock"/> the
/// test moves in C#: publicities and deadlines elapse without moving any other journey's calendar. The product has no
/// route that moves time; the clock is injected here only, and the timer service polls often so that a moved clock
/// fires the due timers within a moment, as on a live server at the end of a working day.
/// </summary>
public sealed class ClockedStudioServer : StudioServer
{
    /// <summary>A Monday of a year the working-day calendar covers, 09:00 China time.</summary>
    public static readonly DateOnly FirstDay = new(2024, 9, 2);

    public ManualClock Clock { get; } = ManualClock.StartingOn(FirstDay);

    protected override Dictionary<string, string> Settings => new(base.Settings) { ["Timers:PollSeconds"] = "0.2" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    /// <summary>Moves the clock past the end of the given China-time date (when a period ending that day expires) and fires what fell due.</summary>
    public async Task PassEndOfAsync(DateOnly date)
    {
        Clock.AdvanceTo(ChinaTime.EndOf(date).AddMinutes(1));
        // The timer service would fire them on its next poll; sweeping here makes the journey's next look deterministic.
        await Services.GetRequiredService<TimerSweeper>().SweepAsync();
    }
}
