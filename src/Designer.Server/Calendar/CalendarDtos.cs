namespace Designer.Server.Calendar;

/// <summary>
/// An application window: the locality accepts applications of these kinds, series, levels (and counties; an empty
/// list means any) from opens to closes (yyyy-MM-dd, both included). Only a published window governs submissions.
/// </summary>
public sealed record CalendarWindow(
    string Id, string Locality, string Name, IReadOnlyList<string> Kinds, IReadOnlyList<string> Series, IReadOnlyList<string> Levels,
    IReadOnlyList<string> Counties, string Opens, string Closes, string Source, string Status, DateTime UpdatedAt, string UpdatedBy);

/// <summary>A window to create or replace; status "draft" (default for new windows) or "published".</summary>
public sealed record CalendarWindowRequest(
    string? Locality, string? Name, IReadOnlyList<string>? Kinds, IReadOnlyList<string>? Series, IReadOnlyList<string>? Levels,
    IReadOnlyList<string>? Counties, string? Opens, string? Closes, string? Source, string? Status);

/// <summary>A locality's own holiday on the national calendar (days off from..to, weekend make-up days), with its source document.</summary>
public sealed record CalendarHoliday(
    string Id, string Locality, string Name, string From, string To, IReadOnlyList<string> Workdays, string Source, string Note,
    DateTime UpdatedAt, string UpdatedBy);

public sealed record CalendarHolidayRequest(
    string? Locality, string? Name, string? From, string? To, IReadOnlyList<string>? Workdays, string? Source, string? Note);

/// <summary>Whether a procedure takes applications today, and the window that says so (or that opens next / closed last).</summary>
public sealed record ProcedureWindow(bool Open, string? Name, string? Opens, string? Closes);
