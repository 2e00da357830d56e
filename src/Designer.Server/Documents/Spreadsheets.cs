using MiniExcelLibs;

namespace Designer.Server.Documents;

/// <summary>Writes .xlsx workbooks: each sheet a list of rows whose keys (Chinese column names) are the header.</summary>
public static class Spreadsheets
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Workbook(params (string Name, IEnumerable<IDictionary<string, object?>> Rows)[] sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var (name, rows) in sheets) workbook[SheetName(name)] = rows.ToList();
        using var output = new MemoryStream();
        output.SaveAs(workbook, excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    /// <summary>Excel allows at most 31 characters and none of \ / ? * [ ] : in a sheet name.</summary>
    private static string SheetName(string name)
    {
        var cleaned = new string(name.Select(ch => "\\/?*[]:".Contains(ch) ? '-' : ch).ToArray());
        return cleaned.Length <= 31 ? cleaned : cleaned[..31];
    }
}
