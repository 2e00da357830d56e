using System.Text;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Designer.Server.Record;

/// <summary>
/// Imports historical titles from CSV (UTF-8, a header row) or an Excel workbook (first sheet, a header row): one
/// title a row with userName (or idNumber), series, level, directed, validIn, obtainedOn, and optionally source and
/// certificateNumber. All or none: a file with any bad row imports nothing and answers 422 listing every bad row.
/// </summary>
public sealed class TitleImport(DesignerDbContext db, AuditLog audit, IClock clock, World.WorldVocabulary world,
    Microsoft.Extensions.Options.IOptions<Users.RegistrationOptions> registration)
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 10_000;
    public const int MaxBytes = 10 * 1024 * 1024;

    public async Task<ImportReport> ImportAsync(CurrentUser user, HttpRequest request)
    {
        if (!RecordAccess.WritesRecords(user))
            throw new ApiProblemException(Problems.Forbidden("只有人社部门审核人员和管理员可以导入职称 (only HR reviewers and admins import titles)"));
        var rows = await ReadRowsAsync(request);
        var today = ChinaTime.DateOf(clock.Now);
        var idProblems = await MatchIdNumbersAsync(user, rows);
        var names = rows.Select(r => r.Cells.GetValueOrDefault("username")).Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.Locality, StringComparer.Ordinal);

        var rejected = new List<ImportRowProblem>();
        var titles = new List<TitleHeldRecord>();
        foreach (var (number, cells) in rows)
        {
            TitleHeldRecord? title = null;
            var problems = idProblems.TryGetValue(number, out var idProblem) ? [idProblem] : RowProblems(user, cells, people, today, out title);
            if (problems.Count > 0) rejected.AddRange(problems.Select(p => new ImportRowProblem(number, p)));
            else titles.Add(title!);
        }
        if (rows.Count == 0) rejected.Add(new ImportRowProblem(1, "文件中没有数据行 (the file has no rows)"));
        if (rejected.Count > 0)
            throw new ApiProblemException(Problems.Problem(422, "校验未通过", $"{rejected.Select(r => r.Row).Distinct().Count()} 行有误，未导入任何职称 (no title was imported)",
                new Dictionary<string, object?>
                {
                    ["errors"] = rejected.Select(r => new FieldProblem($"$.rows[{r.Row}]", $"/rows/{r.Row}", $"第 {r.Row} 行：{r.Message}")).ToList(),
                    ["imported"] = 0,
                    ["rejected"] = rejected,
                }));

        db.TitlesHeld.AddRange(titles);
        foreach (var person in titles.GroupBy(t => t.UserName))
            audit.Record(user.UserName, RecordAuditKinds.TitleImport, RecordAuditKinds.PersonSubject(person.Key), people[person.Key],
                $"导入职称 {person.Count()} 条", new System.Text.Json.Nodes.JsonObject { ["count"] = person.Count() });
        await db.SaveChangesAsync();
        return new ImportReport(titles.Count, []);
    }

    private List<string> RowProblems(CurrentUser user, Dictionary<string, string> cells, Dictionary<string, string> people, DateOnly today, out TitleHeldRecord? title)
    {
        title = null;
        var problems = new List<string>();
        var userName = cells.GetValueOrDefault("username");
        if (string.IsNullOrEmpty(userName))
            problems.Add("缺少 userName 或 idNumber (userName or idNumber is required)");
        else if (!people.TryGetValue(userName, out var locality) || !RecordAccess.CanWrite(user, locality))
            problems.Add($"用户 {userName} 不存在或不在您的管辖范围内 (no such person in your locality)");
        var directedText = cells.GetValueOrDefault("directed") ?? "";
        bool? directed = directedText.Trim().ToLowerInvariant() switch
        {
            "" or "false" or "0" or "否" or "no" => false,
            "true" or "1" or "是" or "yes" => true,
            _ => null,
        };
        if (directed is null) problems.Add($"directed 须为 true/false 或 是/否，不能是 “{directedText}” (directed must be true or false)");
        var request = new TitleRequest(cells.GetValueOrDefault("series"), cells.GetValueOrDefault("level"), directed,
            cells.GetValueOrDefault("validin"), NormaliseDate(cells.GetValueOrDefault("obtainedon")),
            string.IsNullOrEmpty(cells.GetValueOrDefault("source")) ? "import" : cells["source"], cells.GetValueOrDefault("certificatenumber"));
        problems.AddRange(TitleValidation.Title(request, today, new RecordVocabulary(world.Current)).Select(e => $"{e.Path[2..]}：{e.Message}"));
        if (problems.Count == 0) title = RecordService.NewTitle(userName!, request, user.UserName);
        return problems;
    }

    /// <summary>Excel gives dates as date cells ("2019-12-20 00:00:00") or text; either becomes yyyy-MM-dd.</summary>
    private static string? NormaliseDate(string? text) =>
        text is { Length: > 10 } && TitleValidation.Date(text[..10]) is not null ? text[..10] : text;

    private sealed record Row(int Number, Dictionary<string, string> Cells);

    /// <summary>
    /// Rows that name the person by ID number instead of userName: the number is hashed as registration stores it and
    /// matched among the accounts the caller may write for; a match fills in the userName, anything else is the row's problem.
    /// </summary>
    private async Task<Dictionary<int, string>> MatchIdNumbersAsync(CurrentUser user, List<Row> rows)
    {
        var problems = new Dictionary<int, string>();
        var byId = rows.Where(r => string.IsNullOrEmpty(r.Cells.GetValueOrDefault("username")) && !string.IsNullOrEmpty(r.Cells.GetValueOrDefault("idnumber"))).ToList();
        if (byId.Count == 0) return problems;
        var key = registration.Value.EffectiveKey;
        var hashes = byId.Where(r => Users.IdNumber.Problem(r.Cells["idnumber"]) is null).Select(r => Users.IdNumber.Hash(r.Cells["idnumber"], key)).Distinct().ToList();
        var accounts = (await db.Users.AsNoTracking().Where(u => u.IdNumberHash != null && hashes.Contains(u.IdNumberHash))
                .Select(u => new { u.UserName, u.Locality, u.IdNumberHash }).ToListAsync())
            .Where(u => RecordAccess.CanWrite(user, u.Locality)).ToLookup(u => u.IdNumberHash!);
        foreach (var row in byId)
        {
            var number = row.Cells["idnumber"];
            if (Users.IdNumber.Problem(number) is { } invalid) { problems[row.Number] = $"idNumber：{invalid}"; continue; }
            var matches = accounts[Users.IdNumber.Hash(number, key)].ToList();
            if (matches.Count == 1) row.Cells["username"] = matches[0].UserName!;
            else problems[row.Number] = matches.Count == 0
                ? "没有身份证号为该号码的账号，或不在您的管辖范围内 (no account with this ID number in your locality)"
                : "该身份证号对应多个账号，请填写 userName (several accounts have this ID number: give the userName)";
        }
        return problems;
    }

    private static async Task<List<Row>> ReadRowsAsync(HttpRequest request)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        for (int read; (read = await request.Body.ReadAsync(buffer)) > 0;)
        {
            if (body.Length + read > MaxBytes)
                throw new ApiProblemException(Problems.Problem(413, "请求体过大", $"导入文件超过 {MaxBytes / 1024 / 1024} MB (the file is too large)"));
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        List<Row> rows;
        if (type is CsvType or "application/csv") rows = CsvRows(Encoding.UTF8.GetString(body.ToArray()).TrimStart('\uFEFF'));
        else if (type == XlsxType) rows = ExcelRows(body);
        else throw new ApiProblemException(Problems.Problem(415, "不支持的格式", "请上传 text/csv 或 xlsx 文件 (send text/csv or an xlsx workbook)"));
        if (rows.Count > MaxRows)
            throw new ApiProblemException(Problems.Invalid("$.rows", $"一次最多导入 {MaxRows} 行 (at most {MaxRows} rows at a time)"));
        return rows;
    }

    private static List<Row> ExcelRows(Stream workbook)
    {
        List<IDictionary<string, object?>> sheet;
        try { sheet = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList(); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ApiProblemException(Problems.Invalid("$", "无法读取该 Excel 文件 (the workbook cannot be read)"));
        }
        return sheet.Select((cells, i) => new Row(i + 2, cells.ToDictionary(
                c => Column(c.Key),
                c => c.Value is DateTime d ? d.ToString("yyyy-MM-dd") : Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "")))
            .Where(r => r.Cells.Values.Any(v => v.Length > 0)).ToList();
    }

    /// <summary>A column by its English name (any case) or its Chinese one.</summary>
    private static string Column(string header) => header.Trim() switch
    {
        "用户名" => "username", "身份证号" or "身份证号码" => "idnumber", "系列" => "series", "级别" or "层级" => "level",
        "定向" or "是否定向" => "directed", "适用范围" => "validin", "取得日期" or "取得时间" => "obtainedon", "来源" => "source",
        "证书编号" => "certificatenumber", var other => other.ToLowerInvariant(),
    };

    private static List<Row> CsvRows(string text)
    {
        var lines = Csv.Parse(text);
        if (lines.Count == 0) return [];
        var header = lines[0].Select(Column).ToList();
        var rows = new List<Row>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].All(string.IsNullOrWhiteSpace)) continue;
            var cells = new Dictionary<string, string>();
            for (var c = 0; c < header.Count; c++) cells[header[c]] = c < lines[i].Count ? lines[i][c].Trim() : "";
            rows.Add(new Row(i + 1, cells));
        }
        return rows;
    }
}

/// <summary>RFC 4180 CSV: fields separated by commas, quoted with "…" (a doubled quote inside), records by CRLF or LF.</summary>
public static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
