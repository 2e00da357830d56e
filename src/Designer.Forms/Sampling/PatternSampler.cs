using System.Text;
using System.Text.RegularExpressions;

namespace Designer.Forms.Sampling;

/// <summary>
/// Produces a short string matching a simple regular expression: literals, escapes (\d \w \s \uXXXX), character
/// classes, groups with alternatives and quantifiers, each at its minimum. Returns null for anything fancier
/// (negated classes, look-arounds, back-references) or when the result does not actually match.
/// </summary>
internal sealed class PatternSampler
{
    private readonly string pattern;
    private int position;

    private PatternSampler(string pattern) => this.pattern = pattern;

    public static string? Sample(string pattern)
    {
        try
        {
            var sampler = new PatternSampler(pattern);
            var sample = sampler.Alternation();
            return sampler.position == pattern.Length && Regex.IsMatch(sample, pattern) ? sample : null;
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    private bool AtEnd => position >= pattern.Length;
    private char Peek => pattern[position];

    /// <summary>Samples the first alternative; the others are parsed only to be skipped.</summary>
    private string Alternation()
    {
        var first = Sequence();
        while (!AtEnd && Peek == '|')
        {
            position++;
            Sequence();
        }
        return first;
    }

    private string Sequence()
    {
        var result = new StringBuilder();
        while (!AtEnd && Peek is not ('|' or ')'))
        {
            var atom = Atom();
            var count = MinimumRepetitions();
            for (var i = 0; i < count; i++) result.Append(atom);
        }
        return result.ToString();
    }

    private string Atom()
    {
        var c = pattern[position++];
        switch (c)
        {
            case '^' or '$':
                return "";
            case '.':
                return "a";
            case '\\':
                return Escape(inClass: false);
            case '[':
                return CharacterClass();
            case '(':
                if (!AtEnd && Peek == '?')
                {
                    if (pattern.Substring(position, 2) != "?:") throw new NotSupportedException("look-around or named group");
                    position += 2;
                }
                var inner = Alternation();
                if (AtEnd || pattern[position++] != ')') throw new ArgumentException("unbalanced group");
                return inner;
            default:
                return c.ToString();
        }
    }

    private string Escape(bool inClass)
    {
        var c = pattern[position++];
        switch (c)
        {
            case 'd': return "0";
            case 'w' or 'S' or 'D': return "a";
            case 's': return " ";
            case 'W': return "-";
            case 'b' or 'B' when !inClass: return "";
            case 'u':
                var code = Convert.ToInt32(pattern.Substring(position, 4), 16);
                position += 4;
                return ((char)code).ToString();
            case 'n': return "\n";
            case 't': return "\t";
            default:
                if (char.IsDigit(c)) throw new NotSupportedException("back-reference");
                return c.ToString();
        }
    }

    /// <summary>The first member of the class ("[1-9]" gives "1"); the rest is skipped.</summary>
    private string CharacterClass()
    {
        if (Peek == '^') throw new NotSupportedException("negated class");
        var first = Peek == '\\' ? EscapeAt() : pattern[position++].ToString();
        while (pattern[position] != ']')
        {
            if (pattern[position] == '\\') position++;
            position++;
        }
        position++;
        return first;
    }

    private string EscapeAt()
    {
        position++;
        return Escape(inClass: true);
    }

    private int MinimumRepetitions()
    {
        if (AtEnd) return 1;
        int count;
        switch (Peek)
        {
            case '?' or '*':
                position++;
                count = 0;
                break;
            case '+':
                position++;
                count = 1;
                break;
            case '{':
                var close = pattern.IndexOf('}', position);
                var bounds = pattern[(position + 1)..close].Split(',');
                count = int.Parse(bounds[0]);
                position = close + 1;
                break;
            default:
                return 1;
        }
        if (!AtEnd && Peek == '?') position++;
        return count;
    }
}
