namespace Designer.Persistence.Entities;

/// <summary>
/// One report or complaint about title work (职称信访、举报), beyond a publicity objection: received, answered within a
/// time limit by a named office, closed with its finding (台账：明确责任人、办理时限，受理举报并核查处理).
/// </summary>
public sealed class ComplaintRecord
{
    public string Id { get; set; } = "";
    public string Locality { get; set; } = "";
    /// <summary>What it is about, as the reporter wrote it (an application number, a committee, a unit…).</summary>
    public string Subject { get; set; } = "";
    public string Content { get; set; } = "";
    public string ReporterName { get; set; } = "";
    public string? ReporterContact { get; set; }
    /// <summary>The office that answers it (e.g. &lt;locality&gt;/hr) and the person responsible once claimed.</summary>
    public string Office { get; set; } = "";
    public string? Handler { get; set; }
    public string ReceivedOn { get; set; } = "";
    public string DueOn { get; set; } = "";
    /// <summary>"open" or "closed".</summary>
    public string Status { get; set; } = "open";
    public string? Finding { get; set; }
    public string? ClosedOn { get; set; }
    public DateTime CreatedAt { get; set; }
}
