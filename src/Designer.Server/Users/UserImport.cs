using Designer.Persistence;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Designer.Server.Users;

/// <summary>One row of an import file: its number in the file (the header is row 1), the user, and whether its password was generated.</summary>
public sealed record ImportRow(int Row, UserWrite Body, bool GeneratedPassword);

/// <summary>
/// POST /api/users/import: one user a row, from CSV (text/csv, UTF-8) or an Excel workbook (its first sheet). Every row
/// is checked with the rules of POST /api/users before anything is written; then all rows are created in one
/// transaction, or, when any row is refused, none (422 with every refused row). Headers may be English or Chinese.
/// A row without a password gets a one-time password (returned once) that must be changed at the first sign-in.
/// The demo accounts (workflows/world/demo-users.csv) are read and created by the same code (DemoUsers).
/// </summary>
public static class UserImport
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 2000;

    /// <summary>Column header (lower case) → field of <see cref="UserWrite"/>.</summary>
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["username"] = "userName", ["用户名"] = "userName", ["账号"] = "userName",
        ["displayname"] = "displayName", ["name"] = "displayName", ["姓名"] = "displayName",
        ["password"] = "password", ["密码"] = "password", ["初始密码"] = "password",
        ["roles"] = "roles", ["role"] = "roles", ["角色"] = "roles",
        ["locality"] = "locality", ["地区"] = "locality", ["所属地区"] = "locality",
        ["org"] = "org", ["organisation"] = "org", ["organization"] = "org", ["机构"] = "org", ["所属机构"] = "org",
        ["taskroles"] = "taskRoles", ["任务角色"] = "taskRoles",
        ["unit"] = "unit", ["单位"] = "unit", ["用人单位"] = "unit",
        ["county"] = "county", ["县"] = "county", ["县市区"] = "county",
        ["phone"] = "phone", ["手机"] = "phone", ["手机号"] = "phone",
        ["disabled"] = "disabled", ["停用"] = "disabled",
    };

    public static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(HttpRequest request, HttpContext context, UserAdmin admin,
        DesignerDbContext db)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var excelType = type switch { Csv => ExcelType.CSV, Xlsx => ExcelType.XLSX, _ => (ExcelType?)null };
        if (excelType is null)
            return Problems.Problem(415, "不支持的媒体类型", $"请上传 CSV ({Csv}) 或 Excel ({Xlsx}) 文件 (unsupported media type)");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        buffer.Position = 0;

        var caller = context.CurrentUser();
        var (rows, unreadable) = Read(buffer, excelType.Value, caller.IsPolicyAdmin ? "" : caller.Locality);
        if (unreadable.Count > 0) return Rejected(unreadable);
        var (result, rejected) = await CreateAllAsync(caller, rows, admin, db, context.RequestAborted);
        return result is null ? Rejected(rejected) : TypedResults.Ok(result);
    }

    /// <summary>
    /// The file's rows as users to create (blank rows skipped), or why the whole file is refused. A row without a
    /// password gets <paramref name="password"/> when given, else a generated one-time password.
    /// </summary>
    public static (List<ImportRow> Rows, List<RejectedRow> Refused) Read(Stream file, ExcelType type, string defaultLocality, string? password = null)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = file.Query(useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ([], [new RejectedRow(1, $"无法读取文件，请检查格式 (the file cannot be read: {e.GetType().Name})", null)]);
        }
        if (rows.Count > MaxRows) return ([], [new RejectedRow(MaxRows + 2, $"一次最多导入 {MaxRows} 行 (at most {MaxRows} rows)", null)]);
        if (rows.Count == 0) return ([], [new RejectedRow(2, "文件中没有用户 (no rows)", null)]);

        var columns = rows[0].Keys.ToList();
        var unknown = columns.Where(c => !string.IsNullOrWhiteSpace(c) && !Headers.ContainsKey(c.Trim().ToLowerInvariant())).ToList();
        if (unknown.Count > 0)
            return ([], [new RejectedRow(1, $"未知列：{string.Join("、", unknown)} (unknown columns; known: {string.Join(", ", Headers.Values.Distinct())})", null)]);

        var read = new List<ImportRow>();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Where(c => !string.IsNullOrWhiteSpace(c.Key))
                .ToDictionary(c => Headers[c.Key.Trim().ToLowerInvariant()], c => Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)?.Trim());
            if (cells.Values.All(string.IsNullOrEmpty)) continue;
            read.Add(Row(i + 2, cells, defaultLocality, password));
        }
        return (read, []);
    }

    /// <summary>
    /// Checks every row as POST /api/users would (and against the rows before it), then creates them all in one
    /// transaction; when any row is refused, none is created and every refused row is reported.
    /// </summary>
    public static async Task<(ImportResult? Result, List<RejectedRow> Rejected)> CreateAllAsync(CurrentUser caller, IReadOnlyList<ImportRow> rows,
        UserAdmin admin, DesignerDbContext db, CancellationToken cancellation)
    {
        var rejected = new List<RejectedRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rowNumber, body, _) in rows)
        {
            if (body.UserName is { Length: > 0 } name && seen.TryGetValue(name, out var first))
            {
                rejected.Add(new RejectedRow(rowNumber, $"用户名 '{name}' 与第 {first} 行重复 (duplicate of row {first})", "userName"));
                continue;
            }
            if (body.UserName is { Length: > 0 } named) seen[named] = rowNumber;
            try
            {
                foreach (var error in await admin.CheckAsync(caller, body, null, []))
                    rejected.Add(new RejectedRow(rowNumber, error.Message, error.Path.TrimStart('$', '.').Split('[')[0]));
            }
            catch (ApiProblemException problem) when (problem.Result is ProblemHttpResult { StatusCode: 403 } forbidden)
            {
                rejected.Add(new RejectedRow(rowNumber, forbidden.ProblemDetails.Detail ?? "无权导入该用户 (forbidden)", null));
            }
        }
        if (rejected.Count > 0) return (null, rejected);
        if (rows.Count == 0) return (null, [new RejectedRow(2, "文件中没有用户 (no rows)", null)]);

        var issued = new List<IssuedPassword>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellation))
        {
            foreach (var (rowNumber, body, generated) in rows)
            {
                var (user, errors) = await admin.CreateAsync(body, mustChangePassword: generated);
                if (user is null)
                {
                    await transaction.RollbackAsync();
                    return (null, [.. errors.Select(e => new RejectedRow(rowNumber, e.Message, null))]);
                }
                if (generated) issued.Add(new IssuedPassword(user.UserName!, body.Password!));
            }
            await transaction.CommitAsync();
        }
        return (new ImportResult(rows.Count, [], issued), []);
    }

    private static ImportRow Row(int rowNumber, Dictionary<string, string?> cells, string defaultLocality, string? defaultPassword)
    {
        string? Cell(string field) => cells.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        List<string>? List(string field) => Cell(field) is { } text ? UserAdmin.SplitList(text).ToList() : null;
        var password = Cell("password") ?? defaultPassword;
        var disabled = Cell("disabled") is { } flag ? flag.ToLowerInvariant() is "true" or "1" or "yes" or "是" : (bool?)null;
        var body = new UserWrite(Cell("userName"), Cell("displayName"), password ?? UserAdmin.GeneratePassword(), List("roles") ?? [],
            Cell("locality") ?? defaultLocality, Cell("org"), List("taskRoles"), Cell("unit"), Cell("county"), disabled, Cell("phone"));
        return new ImportRow(rowNumber, body, password is null);
    }

    /// <summary>422 with the per-row report: nothing was imported.</summary>
    private static ProblemHttpResult Rejected(IReadOnlyList<RejectedRow> rejected) =>
        Problems.Problem(422, "导入未通过", $"{rejected.Count} 处错误，未导入任何用户 ({rejected.Count} problems: nothing was imported)", new Dictionary<string, object?>
        {
            ["imported"] = 0,
            ["rejected"] = rejected,
            ["errors"] = rejected.Select(r => new FieldProblem($"rows[{r.Row}]{(r.Field is null ? "" : "." + r.Field)}", null, $"第 {r.Row} 行：{r.Message}")).ToList(),
        });
}
