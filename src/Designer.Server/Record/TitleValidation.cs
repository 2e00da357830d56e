using System.Globalization;
using Designer.Engine.Forms;

namespace Designer.Server.Record;

/// <summary>Checks of a record entry, each error by its JSON path; messages in Chinese with the English in brackets.</summary>
public static class TitleValidation
{
    public static List<FieldError> Title(TitleRequest title, DateOnly today, RecordVocabulary codes)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title.Series)) errors.Add(new("$.series", "缺少系列 (series is required)"));
        else if (!codes.SeriesExists(title.Series)) errors.Add(new("$.series", $"系列 “{title.Series}” 不存在 (unknown series)"));
        if (string.IsNullOrWhiteSpace(title.Level)) errors.Add(new("$.level", "缺少级别 (level is required)"));
        else if (!codes.LevelExists(title.Level)) errors.Add(new("$.level", $"级别 “{title.Level}” 不存在 (unknown level)"));
        if (Date(title.ObtainedOn) is not { } obtained) errors.Add(new("$.obtainedOn", "取得日期须为 yyyy-MM-dd 格式的日期 (obtainedOn must be a date)"));
        else if (obtained > today) errors.Add(new("$.obtainedOn", "取得日期不能晚于今天 (obtainedOn is in the future)"));
        if (title.Source is { } source && !RecordVocabulary.TitleSources.Contains(source))
            errors.Add(new("$.source", "来源须为 import、certificate 或 other-region (source must be import, certificate or other-region)"));
        return errors;
    }

    public static List<FieldError> Hours(EducationHoursRequest hours, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (hours.Year is not { } year || year < 1950 || year > today.Year) errors.Add(new("$.year", $"年度须在 1950 至 {today.Year} 之间 (year is missing or out of range)"));
        if (string.IsNullOrEmpty(hours.Category) || !RecordVocabulary.HourCategories.Contains(hours.Category))
            errors.Add(new("$.category", "类别须为 public（公需科目）或 professional（专业科目）(category must be public or professional)"));
        if (hours.Exempt == true)
        {
            if (string.IsNullOrWhiteSpace(hours.ExemptionReason)) errors.Add(new("$.exemptionReason", "免修须写明原因 (an exemption needs its reason)"));
        }
        else if (hours.Hours is not { } h || !double.IsFinite(h) || h < 0 || h > 2000)
            errors.Add(new("$.hours", "学时须为 0 至 2000 之间的数 (hours must be a number from 0 to 2000)"));
        return errors;
    }

    public static List<FieldError> Integrity(IntegrityRequest record)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(record.UserName)) errors.Add(new("$.userName", "缺少用户名 (userName is required)"));
        if (string.IsNullOrWhiteSpace(record.Finding)) errors.Add(new("$.finding", "缺少查实事项 (finding is required)"));
        var from = Date(record.From);
        if (from is null) errors.Add(new("$.from", "起始日期须为 yyyy-MM-dd 格式的日期 (from must be a date)"));
        if (record.Until is not null && Date(record.Until) is not { } until) errors.Add(new("$.until", "截止日期须为 yyyy-MM-dd 格式的日期 (until must be a date)"));
        else if (record.Until is not null && from is { } f && Date(record.Until) <= f) errors.Add(new("$.until", "截止日期须晚于起始日期 (until must be after from)"));
        return errors;
    }

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
