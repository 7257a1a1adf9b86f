using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TherapyBilling.Rules.Server.Configuration;

namespace TherapyBilling.Rules.Server.Http;

/// <summary>
/// Lets a request through to a rules route only with an API key whose SHA-256 hash is configured (compared in fixed
/// time), or when anonymous access is explicitly enabled. With no key configured every rules route answers 401.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<AuthOptions> options) : IEndpointFilter
{
    private readonly byte[][] _hashes = [.. options.Value.ApiKeyHashes.Select(ParseHash).OfType<byte[]>()];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!options.Value.AllowAnonymous && !IsValid(context.HttpContext.Request.Headers[AuthOptions.ApiKeyHeader].ToString()))
        {
            return Problems.Unauthorized();
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>Gets the hex SHA-256 hash of a key, as it is stored in configuration.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private bool IsValid(string key)
    {
        if (key.Length == 0 || _hashes.Length == 0)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        bool found = false;
        foreach (var candidate in _hashes)
        {
            found |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        }

        return found;
    }

    private static byte[]? ParseHash(string hex)
    {
        try
        {
            var bytes = Convert.FromHexString(hex.Trim());
            return bytes.Length == 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
