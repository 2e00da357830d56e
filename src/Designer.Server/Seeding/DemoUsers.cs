using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Designer.Server.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Designer.Server.Seeding;

/// <summary>
/// The demo accounts: the rows of workflows/world/demo-users.csv, in the format of POST /api/users/import and created
/// by the same code (checked row by row, all or none). A row without a password gets the configured demo password.
/// Accounts already in the database are kept as they are (admins edit them there).
/// </summary>
public sealed class DemoUsers(DesignerDbContext db, UserManager<DesignerUser> users, UserAdmin admin, IOptions<DesignerOptions> options,
    ILogger<DemoUsers> log)
{
    public const string FileName = "demo-users.csv";

    public async Task<IReadOnlyList<string>> SeedAsync(string password)
    {
        var file = Path.Combine(options.Value.WorldDirectory, FileName);
        if (!File.Exists(file))
        {
            log.LogWarning("Demo users not created: {File} not found", file);
            return [];
        }
        List<ImportRow> rows;
        List<RejectedRow> refused;
        await using (var stream = File.OpenRead(file))
            (rows, refused) = UserImport.Read(stream, ExcelType.CSV, "", password);
        var missing = new List<ImportRow>();
        foreach (var row in rows)
            if (row.Body.UserName is not { } name || await users.FindByNameAsync(name) is null) missing.Add(row);
        if (refused.Count == 0 && missing.Count > 0)
            (_, refused) = await UserImport.CreateAllAsync(SystemUser.Instance, missing, admin, db, CancellationToken.None);
        if (refused.Count > 0)
        {
            log.LogError("Demo users not created: {File}: {Rows}", file, string.Join("; ", refused.Select(r => $"row {r.Row}: {r.Message}")));
            return [];
        }
        log.LogInformation("Demo users: {Users}", string.Join(", ", missing.Select(r => r.Body.UserName)));
        return missing.Select(r => r.Body.UserName!).ToList();
    }
}
