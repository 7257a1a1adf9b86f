using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TherapyBilling.Rules.Server.Configuration;

namespace TherapyBilling.Rules.Server.CdsHooks;

/// <summary>
/// Checks the JWT an EHR sends with each CDS Hooks call (CDS Hooks 2.0, "Trusting CDS Clients"): the issuer is on the
/// allowlist, the signature verifies with a key of that issuer's JWKS file, the audience is the service's URL, the
/// token has not expired, lives no longer than the configured maximum (5 minutes), and carries a <c>jti</c>.
/// </summary>
internal sealed class CdsTokenValidator
{
    private readonly CdsHooksOptions _options;
    private readonly FrozenDictionary<string, IReadOnlyList<SecurityKey>> _keys;
    private readonly JsonWebTokenHandler _handler = new();

    public CdsTokenValidator(IOptions<CdsHooksOptions> options)
    {
        _options = options.Value;
        var keys = new Dictionary<string, IReadOnlyList<SecurityKey>>(StringComparer.Ordinal);
        foreach (var issuer in _options.Issuers)
        {
            if (issuer.Issuer.Length > 0 && File.Exists(issuer.JwksFile))
            {
                keys[issuer.Issuer] = [.. new JsonWebKeySet(File.ReadAllText(issuer.JwksFile)).GetSigningKeys()];
            }
        }

        _keys = keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Validates the token; returns <see langword="null"/> when accepted, else the reason (no token content).</summary>
    public async Task<string?> ValidateAsync(string? authorization, string audience)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "no bearer token";
        }

        string token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return "not a JWT";
        }

        var jwt = _handler.ReadJsonWebToken(token);
        if (!_keys.TryGetValue(jwt.Issuer ?? string.Empty, out var keys))
        {
            return "unknown issuer";
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return result.Exception switch
            {
                SecurityTokenExpiredException => "expired",
                SecurityTokenInvalidAudienceException => "wrong audience",
                SecurityTokenInvalidIssuerException => "unknown issuer",
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
                SecurityTokenNotYetValidException => "not yet valid",
                _ => "invalid token",
            };
        }

        if (jwt.IssuedAt == DateTime.MinValue || (jwt.ValidTo - jwt.IssuedAt).TotalSeconds > _options.MaxTokenLifetimeSeconds)
        {
            return "lifetime too long or no iat";
        }

        return string.IsNullOrEmpty(jwt.Id) ? "no jti" : null;
    }
}
