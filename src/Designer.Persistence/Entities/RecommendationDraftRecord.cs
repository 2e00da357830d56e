namespace Designer.Persistence.Entities;

/// <summary>
/// The order a unit's reviewers have given its 推荐名单 in one procedure, before it is recommended: the unit's open
/// unit steps (task ids), first = rank 1. One per locality, procedure and unit; every reviewer of the unit sees and
/// edits the same list.
/// </summary>
public sealed class RecommendationDraftRecord
{
    public string Locality { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string Unit { get; set; } = "";
    /// <summary>JSON array of task ids in rank order.</summary>
    public string TaskIdsJson { get; set; } = "[]";
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    /// <summary>Bumped on every save: a reviewer saving over an order they have not seen gets a 409.</summary>
    public long Revision { get; set; }
}
