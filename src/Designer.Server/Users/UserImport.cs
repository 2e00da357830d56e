using Designer.Persistence;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Designer.Server.Users;

/// <summary>
/// POST /api/users/import: one user a row, from CSV (text/csv, UTF-8) or an Excel workbook (its first sheet). Every row
/// is checked with the rules of POST /api/users before anything is written; then all rows are created in one
/// transaction, or, when any row is refused, none (422 with every refused row). Headers may be English or Chinese.
/// A row without a password gets a one-time password (returned once) that must be changed at the first sign-in.
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

        List<IDictionary<string, object?>> rows;
        try
        {
            rows = buffer.Query(useHeaderRow: true, excelType: excelType.Value).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Rejected([new RejectedRow(1, $"无法读取文件，请检查格式 (the file cannot be read: {e.GetType().Name})", null)]);
        }
        if (rows.Count > MaxRows) return Rejected([new RejectedRow(MaxRows + 2, $"一次最多导入 {MaxRows} 行 (at most {MaxRows} rows)", null)]);
        if (rows.Count == 0) return Rejected([new RejectedRow(2, "文件中没有用户 (no rows)", null)]);

        var columns = rows[0].Keys.ToList();
        var unknown = columns.Where(c => !string.IsNullOrWhiteSpace(c) && !Headers.ContainsKey(c.Trim().ToLowerInvariant())).ToList();
        if (unknown.Count > 0)
            return Rejected([new RejectedRow(1, $"未知列：{string.Join("、", unknown)} (unknown columns; known: {string.Join(", ", Headers.Values.Distinct())})", null)]);

        var caller = context.CurrentUser();
        var rejected = new List<RejectedRow>();
        var accepted = new List<(UserWrite Body, bool Generated)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2;
            var cells = rows[i].Where(c => !string.IsNullOrWhiteSpace(c.Key))
                .ToDictionary(c => Headers[c.Key.Trim().ToLowerInvariant()], c => Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)?.Trim());
            if (cells.Values.All(string.IsNullOrEmpty)) continue;
            var (body, generated) = Row(cells, caller.IsPolicyAdmin ? "" : caller.Locality);
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
            accepted.Add((body, generated));
        }
        if (rejected.Count > 0) return Rejected(rejected);
        if (accepted.Count == 0) return Rejected([new RejectedRow(2, "文件中没有用户 (no rows)", null)]);

        var issued = new List<IssuedPassword>();
        await using (var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted))
        {
            for (var i = 0; i < accepted.Count; i++)
            {
                var (body, generated) = accepted[i];
                var (user, errors) = await admin.CreateAsync(body, mustChangePassword: generated);
                if (user is null)
                {
                    await transaction.RollbackAsync();
                    return Rejected([.. errors.Select(e => new RejectedRow(seen[body.UserName!], e.Message, null))]);
                }
                if (generated) issued.Add(new IssuedPassword(user.UserName!, body.Password!));
            }
            await transaction.CommitAsync();
        }
        return TypedResults.Ok(new ImportResult(accepted.Count, [], issued));
    }

    private static (UserWrite Body, bool GeneratedPassword) Row(Dictionary<string, string?> cells, string defaultLocality)
    {
        string? Cell(string field) => cells.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        List<string>? List(string field) => Cell(field) is { } text ? UserAdmin.SplitList(text).ToList() : null;
        var password = Cell("password");
        var disabled = Cell("disabled") is { } flag ? flag.ToLowerInvariant() is "true" or "1" or "yes" or "是" : (bool?)null;
        var body = new UserWrite(Cell("userName"), Cell("displayName"), password ?? UserAdmin.GeneratePassword(), List("roles") ?? [],
            Cell("locality") ?? defaultLocality, Cell("org"), List("taskRoles"), Cell("unit"), Cell("county"), disabled, Cell("phone"));
        return (body, password is null);
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
