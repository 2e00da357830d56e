using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>
/// The inbox in its order (soonest due first, undated last, then oldest first) as the reviewer pages through it: the
/// page is merged from one index per part of what the reviewer may read (each of their roles, a task reassigned to
/// them by name, the undated tasks after the dated ones), so this checks the merge against the rule itself: every
/// task they may read exactly once, in order, across the boundary between dated and undated, and nothing else.
/// </summary>
public sealed class InboxOrderTests : IClassFixture<DesignerFactory>
{
    private const string Procedure = "inbox-order";
    private readonly DesignerFactory factory;

    public InboxOrderTests(DesignerFactory factory)
    {
        this.factory = factory;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        if (db.Tasks.Any(t => t.DefinitionId == Procedure)) return;
        var start = new DateTime(2024, 9, 2, 8, 0, 0, DateTimeKind.Utc);
        string?[] dues = ["2024-09-20", null, "2024-09-10", "2024-09-10", null, "2024-10-01", "2024-09-10", null];
        var tasks = new List<TaskRecord>();
        for (var i = 0; i < 24; i++)
        {
            // Roles the reviewer holds (reviewer, committee, the default ""), one they do not, another organisation,
            // a task of another organisation reassigned to the reviewer by name, and closed tasks.
            var (org, role, assigned, open) = (i % 6) switch
            {
                0 => ("bazhou/hr", "reviewer", (string?)null, true),
                1 => ("bazhou/hr", "committee", null, true),
                2 => ("bazhou/hr", "", null, true),
                3 => ("bazhou/hr", "expert", null, true),
                4 => ("bazhou/finance", "reviewer", i == 10 ? "bazhou-reviewer-hr" : null, true),
                _ => ("bazhou/hr", "reviewer", null, false),
            };
            tasks.Add(new TaskRecord
            {
                Id = $"inbox-order-{i:D2}", ApplicationId = $"inbox-order-app-{i:D2}", DefinitionId = Procedure, BookmarkId = $"b{i}",
                ActivityId = "review", ActivityType = "Titles.Task", Kind = "task", Locality = "bazhou", Stage = "hr-review", Title = "审核",
                Org = org, Role = role, AssignedUser = assigned, ActionsJson = "[\"approve\"]", DueDate = dues[i % dues.Length],
                ApplicantUserId = $"someone-{i}", ApplicantName = $"排序申报人{i}", WorkflowName = "排序流程",
                CreatedAt = start.AddMinutes(i % 5 == 0 ? 0 : i), IsOpen = open,
            });
        }
        db.Tasks.AddRange(tasks);
        db.SaveChanges();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(50)]
    public async Task A_reviewer_pages_through_every_task_they_may_read_once_in_the_inbox_order(int pageSize)
    {
        var reviewer = await factory.SignInAsync("bazhou-reviewer-hr");
        var expected = Expected(t => t.IsOpen && (t.AssignedUser == "bazhou-reviewer-hr" ||
                                                  (t.AssignedUser is null && t.Org == "bazhou/hr" && t.Role is "reviewer" or "committee" or "")));

        var (seen, total) = await PageThroughAsync(reviewer, pageSize);

        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, seen);
        Assert.Contains("inbox-order-10", seen); // reassigned by name from another organisation
    }

    [Fact]
    public async Task A_locality_admin_reads_the_localitys_open_tasks_in_the_same_order()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var (seen, total) = await PageThroughAsync(admin, 5);

        Assert.Equal(Expected(t => t.IsOpen), seen);
        Assert.Equal(seen.Count, total);
    }

    private List<string> Expected(Func<TaskRecord, bool> readable)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        return db.Tasks.Where(t => t.DefinitionId == Procedure).AsEnumerable().Where(readable)
            .OrderBy(t => t.DueDate ?? "9999", StringComparer.Ordinal).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => t.Id).ToList();
    }

    private static async Task<(List<string> Seen, int Total)> PageThroughAsync(ApiClient client, int pageSize)
    {
        var seen = new List<string>();
        var total = 0;
        for (var page = 1; page <= 30; page++)
        {
            var answer = await client.GetOkAsync($"/api/tasks?procedure={Procedure}&page={page}&pageSize={pageSize}");
            total = answer["total"]!.GetValue<int>();
            var items = answer["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
            if (items.Count == 0) break;
            seen.AddRange(items);
        }
        return (seen, total);
    }
}
