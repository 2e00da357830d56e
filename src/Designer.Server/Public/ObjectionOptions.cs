namespace Designer.Server.Public;

/// <summary>Anonymous objections (configuration section Public:Objections, see docs/api.md).</summary>
public sealed class ObjectionOptions
{
    public const string Section = "Public:Objections";
    public const string RateLimitPolicy = "public-objections";

    /// <summary>Objections one client (IP address) may send per window; over it the answer is 429.</summary>
    public int PermitLimit { get; set; } = 10;
    public double WindowSeconds { get; set; } = 60;
    /// <summary>The largest objection body read (evidence attachments included); larger ones are refused with 413.</summary>
    public long MaxBodyBytes { get; set; } = 256 * 1024;
    /// <summary>Nesting depth of an objection body: the form is two levels deep (evidence items).</summary>
    public int MaxDepth { get; set; } = 16;
}
