using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Engine.Calendar;

internal sealed record CalendarData(
    IReadOnlyDictionary<DateOnly, string> Holidays,
    IReadOnlySet<DateOnly> MakeUpWorkdays,
    IReadOnlyList<int> Years);

/// <summary>
/// Reads the calendar file: {"years": {"2024": {"holidays": [{"name", "from"/"to" or "dates", "workdays"?}], "workdays"?: [...]}}}.
/// Every problem is reported with the file and the JSON path of the entry, so that an admin can find it.
/// </summary>
internal static class CalendarFileReader
{
    public static CalendarData Read(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw Problem(source, "$", $"is not valid JSON ({ex.Message})");
        }
        if (root?["years"] is not JsonObject years)
            throw Problem(source, "$.years", "is missing or not an object of years");

        var holidays = new Dictionary<DateOnly, string>();
        var workdays = new HashSet<DateOnly>();
        var covered = new List<int>();
        foreach (var (key, yearNode) in years)
        {
            var yearPath = $"$.years.{key}";
            if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                throw Problem(source, yearPath, "the key must be a four-digit year");
            if (yearNode is not JsonObject yearObject)
                throw Problem(source, yearPath, "must be an object with \"holidays\" and optionally \"workdays\"");
            covered.Add(year);
            var context = new YearContext(source, year, holidays, workdays);
            context.ReadHolidays(yearObject["holidays"], $"{yearPath}.holidays");
            context.ReadWorkdays(yearObject["workdays"], $"{yearPath}.workdays", optional: true);
        }
        covered.Sort();
        return new CalendarData(holidays, workdays, covered);
    }

    private static FormatException Problem(string source, string path, string message) =>
        new($"Calendar data '{source}': {path} {message}.");

    private sealed record YearContext(string Source, int Year, Dictionary<DateOnly, string> Holidays, HashSet<DateOnly> Workdays)
    {
        public void ReadHolidays(JsonNode? node, string path)
        {
            if (node is not JsonArray entries)
                throw Problem(Source, path, "must be an array of holidays");
            for (var i = 0; i < entries.Count; i++)
                ReadHoliday(entries[i], $"{path}[{i}]");
        }

        private void ReadHoliday(JsonNode? node, string path)
        {
            if (node is not JsonObject entry)
                throw Problem(Source, path, "must be an object with \"name\" and \"from\"/\"to\" or \"dates\"");
            var name = entry["name"] is JsonValue n && n.TryGetValue<string>(out var s) && s.Trim().Length > 0 ? s.Trim() : null;
            if (name is null)
                throw Problem(Source, $"{path}.name", "must be a non-empty string");
            path = $"{path} ({name})";

            foreach (var date in HolidayDates(entry, path))
            {
                if (Workdays.Contains(date))
                    throw Problem(Source, path, $"{date:yyyy-MM-dd} is also listed as a make-up working day");
                if (!Holidays.TryAdd(date, name) && Holidays[date] != name)
                    throw Problem(Source, path, $"{date:yyyy-MM-dd} is already a holiday ({Holidays[date]})");
            }
            ReadWorkdays(entry["workdays"], $"{path}.workdays", optional: true);
        }

        private IEnumerable<DateOnly> HolidayDates(JsonObject entry, string path)
        {
            var hasRange = entry.ContainsKey("from") || entry.ContainsKey("to");
            if (hasRange == entry.ContainsKey("dates"))
                throw Problem(Source, path, "must give either \"from\" and \"to\" or \"dates\"");
            if (!hasRange)
                return DateList(entry["dates"], $"{path}.dates", optional: false);

            var from = ParseDate(entry["from"], $"{path}.from");
            var to = ParseDate(entry["to"], $"{path}.to");
            if (to < from)
                throw Problem(Source, path, $"\"to\" ({to:yyyy-MM-dd}) is before \"from\" ({from:yyyy-MM-dd})");
            if (to.DayNumber - from.DayNumber > 31)
                throw Problem(Source, path, "spans more than a month; check the dates");
            return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);
        }

        public void ReadWorkdays(JsonNode? node, string path, bool optional)
        {
            foreach (var date in DateList(node, path, optional))
            {
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    throw Problem(Source, path, $"{date:yyyy-MM-dd} is a {date.DayOfWeek}, not a weekend day, so it cannot be a make-up working day");
                if (Holidays.ContainsKey(date))
                    throw Problem(Source, path, $"{date:yyyy-MM-dd} is also listed as a holiday ({Holidays[date]})");
                Workdays.Add(date);
            }
        }

        private List<DateOnly> DateList(JsonNode? node, string path, bool optional)
        {
            if (node is null && optional) return [];
            if (node is not JsonArray items)
                throw Problem(Source, path, "must be an array of yyyy-MM-dd dates");
            return items.Select((item, i) => ParseDate(item, $"{path}[{i}]")).ToList();
        }

        private DateOnly ParseDate(JsonNode? node, string path)
        {
            var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw Problem(Source, path, $"{node?.ToJsonString() ?? "null"} is not a yyyy-MM-dd date");
            // A year's notice may reach into the neighbouring year (元旦 2023 began on 2022-12-31), no further.
            if (Math.Abs(date.Year - Year) > 1)
                throw Problem(Source, path, $"{text} is too far from the year {Year} it is listed under");
            return date;
        }
    }
}
