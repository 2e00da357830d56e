using Designer.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

/// <summary>At start, finishes the closes a stopped server left half done (sessions still "closing").</summary>
public sealed class CommitteeCloseRecovery(IServiceScopeFactory scopes, ILogger<CommitteeCloseRecovery> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        List<string> closing;
        using (var scope = scopes.CreateScope())
            closing = await scope.ServiceProvider.GetRequiredService<DesignerDbContext>().CommitteeSessions.AsNoTracking()
                .Where(s => s.Status == CommitteeStatus.Closing).Select(s => s.Id).ToListAsync(stoppingToken);
        foreach (var id in closing)
        {
            try
            {
                await FinishAsync(id, stoppingToken);
                log.LogInformation("Committee session {Session}: the interrupted close finished", id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Committee session {Session}: finishing the interrupted close failed (closing it again finishes it)", id);
            }
        }
    }

    private async Task FinishAsync(string id, CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var gates = scope.ServiceProvider.GetRequiredService<CommitteeGates>();
        using (await gates.Sessions.EnterAsync(id, stoppingToken))
        {
            var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
            var session = await db.CommitteeSessions.AsNoTracking().Include(s => s.Candidates).FirstAsync(s => s.Id == id, stoppingToken);
            var sessions = scope.ServiceProvider.GetRequiredService<CommitteeService>();
            await sessions.FinishClosingAsync(id, await sessions.CloserAsync(session));
        }
    }
}
