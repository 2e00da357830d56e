using System.Security.Cryptography;
using System.Text;

namespace Designer.Server.Users;

/// <summary>
/// The 18-character resident ID number (GB 11643): 17 digits, a valid birth date, and the check character computed
/// from them (0–9 or X). Only its masked form and a keyed hash are ever stored.
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Why the number is not a valid ID number, or null.</summary>
    public static string? Problem(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "请输入身份证号 (an ID number is required)";
        var id = Normalise(number);
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
            return "身份证号须为 18 位，前 17 位为数字，末位为数字或 X (18 characters: 17 digits and a check digit or X)";
        if (!DateOnly.TryParseExact(id[6..14], "yyyyMMdd", out _)) return "身份证号中的出生日期无效 (the birth date in the ID number is invalid)";
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11] == id[17] ? null : "身份证号校验位不正确 (the check digit is wrong)";
    }

    public static string Normalise(string number) => number.Trim().ToUpperInvariant();

    /// <summary>What is stored and shown: the first 6 and the last 4 characters (110105********123X).</summary>
    public static string Mask(string number)
    {
        var id = Normalise(number);
        return id[..6] + new string('*', id.Length - 10) + id[^4..];
    }

    /// <summary>A keyed hash (HMAC-SHA256 with Registration:IdNumberKey): equal numbers collide, the number cannot be read back.</summary>
    public static string Hash(string number, string key) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(Normalise(number))));
}
