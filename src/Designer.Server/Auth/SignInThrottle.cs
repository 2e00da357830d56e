using System.Collections.Concurrent;
using System.Security.Cryptography;
using Designer.Engine.Runtime;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Designer.Server.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Server.Auth;

/// <summary>
/// Checks a user name and password so that the answer tells an attacker nothing: an unknown user name costs the same
/// password hash as a known one, a locked-out client hears the same "wrong user name or password". Wrong passwords
/// are counted per (user, client): after Auth:MaxFailedSignIns from one client that client is refused the account for
/// Auth:LockoutMinutes, while the real user signing in from elsewhere is not locked out. Outside Development the
/// published demo password is refused. (Attempts per client are also rate-limited: RateLimits.SignIn.)
/// </summary>
public sealed class SignInThrottle(IClock clock, IOptions<AuthOptions> options, IHostEnvironment environment)
{
    private readonly ConcurrentDictionary<(string User, string Client), Failures> _failures = new();
    private string? _dummyHash;

    /// <summary>The user when the password is right and the client may try; otherwise null (answer 401, one message).</summary>
    public async Task<DesignerUser?> VerifyAsync(string userName, string password, HttpContext context,
        UserManager<DesignerUser> users, SignInManager<DesignerUser> signIn)
    {
        var user = await users.FindByNameAsync(userName);
        var key = (users.NormalizeName(userName) ?? userName, RateLimits.ClientOf(context));
        if (user is null || IsLocked(key) || DemoPassword.IsRefused(environment, password))
        {
            // The same work as checking a real password, so the time taken does not tell which case this was.
            users.PasswordHasher.VerifyHashedPassword(user ?? new DesignerUser(), DummyHash(users), password);
            if (user is not null) Failed(key);
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            _failures.TryRemove(key, out _);
            return user;
        }
        Failed(key);
        return null;
    }

    private bool IsLocked((string, string) key)
    {
        if (!_failures.TryGetValue(key, out var failures)) return false;
        lock (failures)
        {
            if (failures.LockedUntil is { } until && until > clock.Now) return true;
            if (failures.LockedUntil is not null) _failures.TryRemove(key, out _);
            return false;
        }
    }

    private void Failed((string, string) key)
    {
        var now = clock.Now;
        var window = TimeSpan.FromMinutes(options.Value.LockoutMinutes);
        var failures = _failures.GetOrAdd(key, _ => new Failures(now));
        lock (failures)
        {
            if (failures.LockedUntil is null && now - failures.First > window) (failures.First, failures.Count) = (now, 0);
            failures.Count++;
            if (failures.Count >= options.Value.MaxFailedSignIns) failures.LockedUntil ??= now + window;
        }
        if (_failures.Count > 10_000) Forget(now - window);
    }

    /// <summary>Drops counts older than the window, so a flood of user names cannot grow the table without end.</summary>
    private void Forget(DateTimeOffset before)
    {
        foreach (var (key, failures) in _failures)
            if ((failures.LockedUntil ?? failures.First) < before) _failures.TryRemove(key, out _);
    }

    private string DummyHash(UserManager<DesignerUser> users) =>
        _dummyHash ??= users.PasswordHasher.HashPassword(new DesignerUser(), RandomNumberGenerator.GetHexString(32));

    private sealed class Failures(DateTimeOffset first)
    {
        public DateTimeOffset First { get; set; } = first;
        public int Count { get; set; }
        public DateTimeOffset? LockedUntil { get; set; }
    }
}
