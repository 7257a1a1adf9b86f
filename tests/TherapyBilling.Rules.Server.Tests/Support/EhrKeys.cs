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

    public EhrKeys()
    {
        JwksFile = Path.Combine(Path.GetTempPath(), "tbr-jwks-" + Guid.NewGuid().ToString("N") + ".json");
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "ehr-1" });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha384;
        var set = new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = jwk.Use, alg = jwk.Alg, n = jwk.N, e = jwk.E } } };
        File.WriteAllText(JwksFile, JsonSerializer.Serialize(set));
    }

    public string JwksFile { get; }

    public Dictionary<string, string?> Settings() => new()
    {
        ["CdsHooks:BaseUrl"] = BaseUrl,
        ["CdsHooks:Issuers:0:Issuer"] = Issuer,
        ["CdsHooks:Issuers:0:JwksFile"] = JwksFile,
    };

    /// <summary>Signs a token; each argument can be spoiled to test a refusal.</summary>
    public string Token(string issuer = Issuer, string audience = Audience, DateTime? issuedAt = null, TimeSpan? lifetime = null, bool otherKey = false)
    {
        var iat = issuedAt ?? DateTime.UtcNow;
        var key = new RsaSecurityKey(otherKey ? _other : _rsa) { KeyId = "ehr-1" };
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
        File.Delete(JwksFile);
    }
}
