using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Designer.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>
/// Issue 14.2: concurrent saves are committed together in one SQLite transaction, each answered only once committed;
/// a failing member is rolled back alone; members are written in the order they arrived; commits are fsynced
/// (synchronous=FULL). Kill -9 after acknowledgements is CrashTests (its task actions go through the group commit).
/// </summary>
public sealed class GroupCommitTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private const int Members = 16;

    [Fact]
    public async Task Saves_queued_while_the_database_is_busy_commit_as_one_group_and_a_failing_member_fails_alone()
    {
        var commits = factory.Services.GetRequiredService<GroupCommit>();
        var marker = $"group-{Guid.NewGuid():N}";
        string existingUserId;
        using (var scope = factory.Services.CreateScope())
            existingUserId = (await scope.ServiceProvider.GetRequiredService<DesignerDbContext>().Users.AsNoTracking().FirstAsync()).Id;

        var scopes = Enumerable.Range(0, Members).Select(_ => factory.Services.CreateScope()).ToList();
        var saves = new List<Task<int>>();
        long commitsBefore;
        // Another writer holds the database (the write gate) while all members queue: they must then go in one group.
        using (var holderScope = factory.Services.CreateScope())
        {
            var holder = holderScope.ServiceProvider.GetRequiredService<DesignerDbContext>();
            await using var transaction = await holder.Database.BeginTransactionAsync();
            commitsBefore = commits.Commits;
            for (var i = 0; i < Members; i++)
            {
                var db = scopes[i].ServiceProvider.GetRequiredService<DesignerDbContext>();
                db.Notifications.Add(new NotificationRecord { UserId = existingUserId, Kind = "task", Title = marker, Body = $"{i:00}", CreatedAt = DateTime.UtcNow });
                // Member 5 breaks a key: only it may fail.
                if (i == 5) db.Users.Add(new DesignerUser { Id = existingUserId, UserName = $"duplicate-{marker}" });
                saves.Add(commits.SaveAsync(db));
            }
            await Task.Delay(100);
            Assert.All(saves, s => Assert.False(s.IsCompleted, "a save was acknowledged before its group committed"));
            await transaction.CommitAsync();
        }

        for (var i = 0; i < Members; i++)
        {
            if (i == 5) await Assert.ThrowsAsync<DbUpdateException>(() => saves[i]);
            else Assert.True(await saves[i] > 0);
        }
        Assert.Equal(commitsBefore + 1, commits.Commits);
        foreach (var scope in scopes) scope.Dispose();

        // Durable and in arrival order, read on a connection of its own.
        var stored = await ReadMarkersAsync(marker);
        Assert.Equal(Enumerable.Range(0, Members).Where(i => i != 5).Select(i => $"{i:00}"), stored);
    }

    [Fact]
    public async Task A_context_saves_on_again_after_its_group_and_every_connection_fsyncs_its_commits()
    {
        var commits = factory.Services.GetRequiredService<GroupCommit>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        var userId = (await db.Users.AsNoTracking().FirstAsync()).Id;
        var marker = $"again-{Guid.NewGuid():N}";
        db.Notifications.Add(new NotificationRecord { UserId = userId, Kind = "task", Title = marker, Body = "00", CreatedAt = DateTime.UtcNow });
        await commits.SaveAsync(db);
        // The same context reads and saves on its own connection afterwards.
        var first = await db.Notifications.SingleAsync(n => n.Title == marker);
        first.Body = "01";
        db.Notifications.Add(new NotificationRecord { UserId = userId, Kind = "task", Title = marker, Body = "02", CreatedAt = DateTime.UtcNow });
        await commits.SaveAsync(db);
        Assert.Equal(["01", "02"], await ReadMarkersAsync(marker));

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2, Convert.ToInt32(await command.ExecuteScalarAsync()));   // FULL
    }

    private async Task<List<string>> ReadMarkersAsync(string marker)
    {
        using var scope = factory.Services.CreateScope();
        var source = scope.ServiceProvider.GetRequiredService<DesignerDbContext>().Database.GetConnectionString();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(source) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Body FROM Notifications WHERE Title = $marker ORDER BY Id";
        command.Parameters.AddWithValue("$marker", marker);
        var bodies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bodies.Add(reader.GetString(0));
        return bodies;
    }
}
