using System.Text.Json.Nodes;
using Designer.Engine.Audit;

namespace Designer.Engine.Tests.Audit;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= count; i++)
            entries.Add(AuditChain.Append(entries.LastOrDefault(), new DateTimeOffset(2024, 9, i, 9, 0, 0, TimeSpan.FromHours(8)),
                "bazhou-reviewer-education", "task.act", $"application/{i}", "approve", new JsonObject { ["n"] = i }));
        return entries;
    }

    [Fact]
    public void An_untouched_chain_verifies() => Assert.True(AuditChain.Verify(Chain(5)).Intact);

    [Fact]
    public void An_edited_entry_is_named()
    {
        var entries = Chain(5);
        entries[2] = entries[2] with { Summary = "reject" };
        var result = AuditChain.Verify(entries);
        Assert.Equal((false, 3L), (result.Intact, result.FirstBrokenSequence));
        Assert.Contains("修改", result.Message);
    }

    [Fact]
    public void A_deleted_entry_is_named()
    {
        var entries = Chain(5);
        entries.RemoveAt(1);
        var result = AuditChain.Verify(entries);
        Assert.Equal((false, 3L), (result.Intact, result.FirstBrokenSequence));
        Assert.Contains("缺失", result.Message);
    }

    [Fact]
    public void Reordered_entries_are_detected()
    {
        var entries = Chain(4);
        (entries[1], entries[2]) = (entries[2], entries[1]);
        Assert.False(AuditChain.Verify(entries).Intact);
    }

    [Fact]
    public void A_rewritten_tail_with_recomputed_hashes_still_breaks_at_the_link()
    {
        var entries = Chain(3);
        var forged = entries[1] with { Summary = "reject" };
        entries[1] = forged with { Hash = AuditChain.Append(entries[0], forged.Timestamp, forged.Actor, forged.Kind, forged.Subject, "reject", new JsonObject { ["n"] = 2 }).Hash };
        Assert.Equal(3L, AuditChain.Verify(entries).FirstBrokenSequence);
    }
}
