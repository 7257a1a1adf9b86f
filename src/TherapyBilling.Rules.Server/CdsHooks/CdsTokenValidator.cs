using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TherapyBilling.Rules.Server.Configuration;

namespace TherapyBilling.Rules.Server.CdsHooks;

/// <summary>
/// Checks the JWT an EHR sends with each CDS Hooks call (CDS Hooks 2.0, "Trusting CDS Clients"): the issuer is on the
/// allowlist, the signature verifies with a key of that issuer's JWKS (file or URL, <see cref="JwksKeySource"/>), the audience is the service's URL, the
/// token has not expired, lives no longer than the configured maximum (5 minutes), and carries a <c>jti</c>.
/// </summary>
internal sealed class CdsTokenValidator(IOptions<CdsHooksOptions> options, JwksKeySource keys)
{
    private readonly CdsHooksOptions _options = options.Value;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Validates the token; returns <see langword="null"/> when accepted, else the reason (no token content).</summary>
    public async Task<string?> ValidateAsync(string? authorization, string audience, CancellationToken cancel = default)
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
        string issuer = jwt.Issuer ?? string.Empty;
        if (!keys.IsKnownIssuer(issuer))
        {
            return "unknown issuer";
        }

        var signingKeys = await keys.GetKeysAsync(issuer, jwt.Kid, cancel).ConfigureAwait(false);
        if (signingKeys.Count == 0)
        {
            return "issuer keys unavailable";
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = signingKeys,
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
