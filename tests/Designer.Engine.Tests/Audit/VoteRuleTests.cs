using Designer.Engine.Domain;

namespace Designer.Engine.Tests.Audit;

/// <summary>“同意票达到出席评委 2/3 以上”: exact shares, quorum as a share of the committee (fidelity 0.29, 1.32, 2.39, 4.19).</summary>
public class VoteRuleTests
{
    private static readonly VoteRule TwoThirds = new(QuorumCount: 5, QuorumShare: Fraction.TwoThirds, Members: 0, PassShare: Fraction.TwoThirds);

    [Theory]
    [InlineData(4, 6)]
    [InlineData(6, 9)]
    [InlineData(10, 15)]
    [InlineData(7, 7)]
    public void Exactly_two_thirds_passes(int votesFor, int present) => Assert.True(TwoThirds.Passes(votesFor, present));

    [Theory]
    [InlineData(3, 6)]
    [InlineData(5, 9)]
    [InlineData(9, 14)]
    public void Less_than_two_thirds_fails(int votesFor, int present) => Assert.False(TwoThirds.Passes(votesFor, present));

    [Fact]
    public void Quorum_follows_the_committee_size()
    {
        Assert.Equal(8, TwoThirds.RequiredPresent(12));
        Assert.Equal(17, TwoThirds.RequiredPresent(25));
        Assert.Equal(5, TwoThirds.RequiredPresent(6));
        var reasons = TwoThirds.Objections(votesFor: 7, present: 7, members: 12);
        Assert.Contains("到会评委 7 人，不足评委会 12 名委员的三分之二（8 人）", reasons);
        Assert.True(TwoThirds.Passes(votesFor: 6, present: 8, members: 12));
    }

    [Fact]
    public void The_old_decimal_is_not_two_thirds_and_says_so_in_the_reason()
    {
        var approximate = TwoThirds with { PassShare = Fraction.FromDecimal(0.6667m) };
        Assert.False(approximate.Passes(4, 6));
        Assert.Contains("6667/10000", approximate.Objections(4, 6).Single());
    }

    [Theory]
    [InlineData("2/3", 2, 3)]
    [InlineData(" 3 / 5 ", 3, 5)]
    [InlineData("60%", 3, 5)]
    [InlineData("0.1", 1, 10)]
    [InlineData("0", 0, 1)]
    public void Shares_parse_exactly(string text, long numerator, long denominator)
    {
        Assert.True(Fraction.TryParse(text, out var fraction));
        Assert.Equal(new Fraction(numerator, denominator), fraction);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two thirds")]
    [InlineData("2/0")]
    [InlineData("-1/3")]
    public void Nonsense_is_not_a_share(string text) => Assert.False(Fraction.TryParse(text, out _));

    [Theory]
    [InlineData(9, ShareRounding.Up, 1)]
    [InlineData(9, ShareRounding.Down, 0)]
    [InlineData(15, ShareRounding.Nearest, 2)]
    [InlineData(20, ShareRounding.Up, 2)]
    public void A_tenth_of_a_session_rounds_as_the_document_says(int candidates, ShareRounding rounding, long expected) =>
        Assert.Equal(expected, new Fraction(1, 10).Of(candidates, rounding));
}
