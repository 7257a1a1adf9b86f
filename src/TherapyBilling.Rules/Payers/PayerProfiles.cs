using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>A versioned set of <see cref="PayerProfile"/>s, looked up by payer id (case-insensitive).</summary>
/// <remarks>
/// The shipped set (Medicare and a generic commercial payer) is <c>PayerProfileJson.Default</c>; read a user's file
/// with <c>PayerProfileJson.Load</c>, or build one with <see cref="Create"/>. Immutable and thread-safe.
/// </remarks>
public sealed class PayerProfiles
{
    private readonly FrozenDictionary<string, PayerProfile> _byId;

    private PayerProfiles(string version, string source, ImmutableArray<PayerProfile> profiles)
    {
        Version = version;
        Source = source;
        Profiles = profiles;
        _byId = profiles.ToFrozenDictionary(static p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the version of the set, echoed in reports.</summary>
    public string Version { get; }

    /// <summary>Gets where the set came from.</summary>
    public string Source { get; }

    /// <summary>Gets the profiles in the order given.</summary>
    public ImmutableArray<PayerProfile> Profiles { get; }

    /// <summary>Creates a set; a later profile with the same id replaces an earlier one.</summary>
    /// <param name="version">The version.</param>
    /// <param name="source">Where the profiles come from.</param>
    /// <param name="profiles">The profiles.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A profile is <see langword="null"/>.</exception>
    public static PayerProfiles Create(string version, string source, IEnumerable<PayerProfile> profiles)
    {
        Guard.NotNull(version);
        Guard.NotNull(source);
        Guard.NotNull(profiles);
        var ordered = new List<PayerProfile>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in profiles)
        {
            if (profile is null)
            {
                throw new ArgumentException("Profiles must not contain null.", nameof(profiles));
            }

            if (index.TryGetValue(profile.Id, out int at))
            {
                ordered[at] = profile;
            }
            else
            {
                index[profile.Id] = ordered.Count;
                ordered.Add(profile);
            }
        }

        return new PayerProfiles(version, source, [.. ordered]);
    }

    /// <summary>Returns a new set with <paramref name="profiles"/> added, replacing profiles with the same ids.</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="version">The new version; by default this version with <c>+custom</c>.</param>
    /// <returns>The new set.</returns>
    public PayerProfiles With(IEnumerable<PayerProfile> profiles, string? version = null)
    {
        Guard.NotNull(profiles);
        return Create(version ?? Version + "+custom", Source, Profiles.Concat(profiles));
    }

    /// <summary>Looks a payer up.</summary>
    /// <param name="payerId">The payer id (case-insensitive).</param>
    /// <param name="profile">The profile when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(string? payerId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PayerProfile? profile)
    {
        if (payerId is null)
        {
            profile = null;
            return false;
        }

        return _byId.TryGetValue(payerId, out profile);
    }
}
