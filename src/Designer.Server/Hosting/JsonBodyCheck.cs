using System.Text;
using System.Text.Json;

namespace Designer.Server.Hosting;

/// <summary>What is wrong with a JSON document, and where (a JSON path such as $.data.members[2].name).</summary>
public sealed record JsonBodyProblem(string Path, string Message);

/// <summary>
/// One pass over a JSON document that finds what System.Text.Json would accept but the server must not store:
/// nesting deeper than the limit (a document nested 60 levels deep cannot be answered inside an audit entry),
/// duplicate keys (which one wins differs between readers), escaped lone surrogate halves such as "\ud800" (they
/// cannot be turned into text) and NUL characters. Malformed JSON is a problem too.
/// </summary>
public static class JsonBodyCheck
{
    public static JsonBodyProblem? FirstProblem(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 2, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (frames.Count >= maxDepth)
                            return new(PathOf(frames), $"JSON 嵌套超过 {maxDepth} 层 (nested deeper than {maxDepth} levels)");
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        ValueDone(frames);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        if (TextProblem(ref reader, out var name) is { } nameProblem) return new(PathOf(frames), nameProblem);
                        frame.Key = name;
                        if (!frame.Keys!.Add(name)) return new(PathOf(frames), $"键 “{name}” 重复出现 (duplicate key \"{name}\")");
                        break;
                    case JsonTokenType.String:
                        if (TextProblem(ref reader, out _) is { } valueProblem) return new(PathOf(frames), valueProblem);
                        ValueDone(frames);
                        break;
                    default:
                        ValueDone(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return new(PathOf(frames), $"JSON 格式错误 (malformed JSON): {e.Message}");
        }
        return null;
    }

    private static string? TextProblem(ref Utf8JsonReader reader, out string text)
    {
        try { text = reader.GetString()!; }
        catch (InvalidOperationException)
        {
            text = "";
            return "字符串含无效的 Unicode 字符，如孤立的代理项 \\ud800 (invalid Unicode: a lone surrogate or invalid UTF-8)";
        }
        return text.Contains('\0') ? "字符串不能含 NUL 字符 \\u0000 (NUL character not allowed)" : null;
    }

    private static void ValueDone(List<Frame> frames)
    {
        if (frames.Count > 0 && !frames[^1].IsObject) frames[^1].Index++;
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (!frame.IsObject) path.Append('[').Append(frame.Index).Append(']');
            else if (frame.Key is null) continue;
            else if (IsPlainName(frame.Key)) path.Append('.').Append(frame.Key);
            else path.Append("['").Append(frame.Key.Replace("\\", "\\\\").Replace("'", "\\'")).Append("']");
        }
        return path.ToString();
    }

    private static bool IsPlainName(string key) =>
        key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > 127 && !char.IsSurrogate(c) && !char.IsControl(c));

    private sealed class Frame(bool isObject)
    {
        public bool IsObject { get; } = isObject;
        public HashSet<string>? Keys { get; } = isObject ? new HashSet<string>(StringComparer.Ordinal) : null;
        public string? Key { get; set; }
        public int Index { get; set; }
    }
}
