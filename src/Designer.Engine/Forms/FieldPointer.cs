using System.Text;

namespace Designer.Engine.Forms;

/// <summary>Turns the JSON paths of <see cref="FieldError"/> ("$.a", "$['x-y']", "$.list[2]") into JSON pointers.</summary>
public static class FieldPointer
{
    public static string FromPath(string path)
    {
        var text = path.StartsWith("ui:", StringComparison.Ordinal) ? path[3..] : path;
        if (!text.StartsWith('$')) return text;
        var pointer = new StringBuilder();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is not ('.' or '[')) end++;
                Append(pointer, text[(i + 1)..end]);
                i = end;
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                var name = new StringBuilder();
                var j = i + 2;
                for (; j < text.Length && text[j] != '\''; j++)
                {
                    if (text[j] == '\\' && j + 1 < text.Length) j++;
                    name.Append(text[j]);
                }
                Append(pointer, name.ToString());
                i = j + 2; // past "']"
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0) break;
                Append(pointer, text[(i + 1)..close]);
                i = close + 1;
            }
            else break;
        }
        return pointer.ToString();
    }

    private static void Append(StringBuilder pointer, string segment) =>
        pointer.Append('/').Append(segment.Replace("~", "~0").Replace("/", "~1"));
}
