using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TherapyBilling.Rules.Server.Tests.Support;

/// <summary>An EHR's signing key, its JWKS file (public part only) and tokens it signs.</summary>
public sealed class EhrKeys : IDisposable
{
    public const string Issuer = "https://ehr.example.org";
    public const string BaseUrl = "https://rules.example.org";
    public const string Audience = BaseUrl + "/cds-services/therapy-billing-discharge";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _other = RSA.Create(2048);
    private readonly RSA _next = RSA.Create(2048);

    public EhrKeys()
    {
        JwksFile = Path.Combine(Path.GetTempPath(), "tbr-jwks-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(JwksFile, Jwks());
    }

    /// <summary>The public JWKS: key ehr-1, and after a rotation also ehr-2.</summary>
    /// <summary>The JWKS after the first key was retired (removed): only the next key.</summary>
    public string JwksWithoutTheFirstKey() => JsonSerializer.Serialize(new { keys = new List<object> { Public(_next, "ehr-2") } });

    public string Jwks(bool rotated = false)
    {
        var keys = new List<object> { Public(_rsa, "ehr-1") };
        if (rotated)
        {
            keys.Add(Public(_next, "ehr-2"));
        }

        return JsonSerializer.Serialize(new { keys });
    }

    private static object Public(RSA rsa, string kid)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = kid });
        return new { kty = jwk.Kty, kid, use = "sig", alg = SecurityAlgorithms.RsaSha384, n = jwk.N, e = jwk.E };
    }

    public string JwksFile { get; }

    public Dictionary<string, string?> Settings() => new()
    {
        ["CdsHooks:BaseUrl"] = BaseUrl,
        ["CdsHooks:Issuers:0:Issuer"] = Issuer,
        ["CdsHooks:Issuers:0:JwksFile"] = JwksFile,
    };

    /// <summary>Signs a token; each argument can be spoiled to test a refusal.</summary>
    public string Token(string issuer = Issuer, string audience = Audience, DateTime? issuedAt = null, TimeSpan? lifetime = null, bool otherKey = false, bool nextKey = false, string? keyId = null)
    {
        var iat = issuedAt ?? DateTime.UtcNow;
        var key = new RsaSecurityKey(nextKey ? _next : otherKey ? _other : _rsa) { KeyId = keyId ?? (nextKey ? "ehr-2" : "ehr-1") };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = iat,
            NotBefore = iat,
            Expires = iat + (lifetime ?? TimeSpan.FromMinutes(5)),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString(), ["sub"] = "ehr-client" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha384),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _other.Dispose();
        _next.Dispose();
        File.Delete(JwksFile);
    }
}
