namespace Designer.Persistence.Entities;

/// <summary>
/// One entry of the year's calendar an admin edits: an application window (Kind "window") or a locality's holiday
/// (Kind "holiday"). Json is the entry as the engine reads it (ApplicationWindow / HolidayOverlay).
/// </summary>
public sealed class CalendarEntryRecord
{
    public const string WindowKind = "window";
    public const string HolidayKind = "holiday";

    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Locality { get; set; } = "";
    public string Json { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
