using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Domain;

/// <summary>
/// Which of the applicant's other applications count towards "one qualification per year" (`history` items carry
/// `status` and, when rejected, `rejectedAt`: the stage that rejected them). Items without a status always count.
/// </summary>
public static class HistoryCounting
{
    public const string RejectedAtEligibility = "rejected-at-eligibility";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static bool Ignores(IReadOnlyList<string> ignored, JsonObject item)
    {
        var status = item["status"].AsString();
        return status switch
        {
            "Withdrawn" => ignored.Contains(Withdrawn),
            "Rejected" => ignored.Contains(Rejected) || (ignored.Contains(RejectedAtEligibility) && item["rejectedAt"].AsString() == "eligibility"),
            _ => false,
        };
    }
}
