using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Applications;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Timers;

/// <summary>
/// Fires the timers that are due (publicity ends, step deadlines) from the due dates saved with each application.
/// Each application is handled in its own unit of work; its Revision makes a timer fire exactly once even when two
/// sweeps (or a sweep and a reviewer) reach it together: the loser's save is refused and it looks again next time.
/// </summary>
public sealed class TimerSweeper(IServiceScopeFactory scopes, IClock clock, ILogger<TimerSweeper> log)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var now = clock.Now.UtcDateTime;
            List<string> due;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
                due = await db.Applications.AsNoTracking().Where(a => a.NextDueAt != null && a.NextDueAt <= now)
                    .OrderBy(a => a.NextDueAt).Select(a => a.Id).Take(500).ToListAsync(cancellationToken);
            }
            var fired = 0;
            foreach (var id in due)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
                var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
                if (application?.NextDueAt is null || application.NextDueAt > now) continue;
                try
                {
                    if (await scope.ServiceProvider.GetRequiredService<ApplicationRunner>().FireDueTimersAsync(application)) fired++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Firing the timers of application {Id} failed", id);
                }
            }
            return fired;
        }
        finally { _oneAtATime.Release(); }
    }
}

/// <summary>Sweeps at start (timers that fell due while the server was down) and then every Timers:PollSeconds.</summary>
public sealed class TimerService(TimerSweeper sweeper, Microsoft.Extensions.Options.IOptions<Hosting.TimerOptions> options, ILogger<TimerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds)));
        do
        {
            try
            {
                var fired = await sweeper.SweepAsync(stoppingToken);
                if (fired > 0) log.LogInformation("Fired due timers of {Count} application(s)", fired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Timer sweep failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
