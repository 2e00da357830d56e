using System.Security.Cryptography;
using System.Text;

namespace Designer.Engine.Runtime;

/// <summary>
/// The part of a certificate number after its readable prefix and year (ZC-2024-…). The server draws it at random, so
/// nobody can compute a certificate number from public data; simulations and replays use a hash of the instance, so
/// two runs of one case grant the same certificate.
/// </summary>
public interface ICertificateNumbers
{
    string Serial(string instanceId, string activityId);
}

public static class CertificateNumbers
{
    /// <summary>Reproducible: the same instance and activity give the same serial (simulations, replays, tests).</summary>
    public static readonly ICertificateNumbers Deterministic = new HashedSerials();

    /// <summary>Unguessable: 12 characters from a 32-letter alphabet without look-alikes (60 random bits).</summary>
    public static readonly ICertificateNumbers Random = new RandomSerials();

    /// <summary>Crockford-style base32: no I, L, O or U, so a number read aloud or typed is not mistaken.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private sealed class HashedSerials : ICertificateNumbers
    {
        public string Serial(string instanceId, string activityId) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(instanceId + activityId)))[..10];
    }

    private sealed class RandomSerials : ICertificateNumbers
    {
        public string Serial(string instanceId, string activityId) => RandomNumberGenerator.GetString(Alphabet, 12);
    }
}
