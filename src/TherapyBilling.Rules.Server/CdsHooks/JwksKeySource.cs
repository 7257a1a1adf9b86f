using System.Collections.Frozen;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TherapyBilling.Rules.Server.Configuration;

namespace TherapyBilling.Rules.Server.CdsHooks;

/// <summary>
/// The signing keys of each allowed EHR: from its JWKS file (read once at start), or from its JWKS URL (fetched by the
/// server over HTTPS, or HTTP on the loopback interface only; cached; fetched again when a token names a key id the
/// cache lacks, at most once per <see cref="CdsHooksOptions.JwksRefreshMinutes"/>, and when the cached keys are older
/// than <see cref="CdsHooksOptions.JwksMaxAgeMinutes"/>, so a key the EHR removed stops being accepted). A fetch that
/// fails or times out (<see cref="CdsHooksOptions.JwksTimeoutSeconds"/>, body included) leaves the cache as it was: a
/// token whose key is not in it is refused, never accepted. The fetch does not depend on the request that started it:
/// a client that goes away does not waste the refresh.
/// </summary>
internal sealed partial class JwksKeySource
{
    public const string HttpClientName = "jwks";

    /// <summary>The largest JWKS document read (a key set is a few kilobytes).</summary>
    public const int MaxJwksBytes = 256 * 1024;

    private readonly FrozenDictionary<string, IReadOnlyList<SecurityKey>> _files;
    private readonly FrozenDictionary<string, RemoteSet> _urls;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _maxAge;
    private readonly TimeSpan _fetchTimeout;
    private readonly ILogger<JwksKeySource> _logger;

    public JwksKeySource(IOptions<CdsHooksOptions> options, IHttpClientFactory http, ILogger<JwksKeySource> logger, TimeProvider? clock = null)
    {
        _http = http;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        _refreshInterval = TimeSpan.FromMinutes(Math.Max(0, options.Value.JwksRefreshMinutes));
        _maxAge = TimeSpan.FromMinutes(Math.Max(options.Value.JwksRefreshMinutes, options.Value.JwksMaxAgeMinutes));
        _fetchTimeout = TimeSpan.FromSeconds(Math.Max(1, options.Value.JwksTimeoutSeconds));
        var files = new Dictionary<string, IReadOnlyList<SecurityKey>>(StringComparer.Ordinal);
        var urls = new Dictionary<string, RemoteSet>(StringComparer.Ordinal);
        foreach (var issuer in options.Value.Issuers)
        {
            if (issuer.Issuer.Length == 0)
            {
                continue;
            }

            if (issuer.JwksUrl is { Length: > 0 } url)
            {
                // A URL that is not https (or http on loopback) is never fetched: its issuer's tokens are refused.
                urls[issuer.Issuer] = new RemoteSet(IsAllowed(url, out var uri) ? uri : null);
            }
            else if (File.Exists(issuer.JwksFile))
            {
                files[issuer.Issuer] = [.. new JsonWebKeySet(File.ReadAllText(issuer.JwksFile)).GetSigningKeys()];
            }
        }

        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        _urls = urls.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets whether the issuer is on the allowlist (with a JWKS file or URL).</summary>
    public bool IsKnownIssuer(string issuer) => _files.ContainsKey(issuer) || _urls.ContainsKey(issuer);

    /// <summary>
    /// Gets the issuer's keys for a token with the given key id: from the file, or from the cached JWKS, fetched first
    /// when nothing is cached or the key id is not in the cache (at most once per refresh interval). Empty when no key can be had.
    /// </summary>
    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(string issuer, string? keyId, CancellationToken cancel)
    {
        if (_files.TryGetValue(issuer, out var keys))
        {
            return keys;
        }

        if (!_urls.TryGetValue(issuer, out var remote) || remote.Url is null)
        {
            return [];
        }

        if (!remote.Needs(keyId) && !IsStale(remote))
        {
            return remote.Keys;
        }

        await remote.Gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var now = _clock.GetUtcNow();
            if ((remote.Needs(keyId) || IsStale(remote)) && (remote.LastAttempt is not { } last || now - last >= _refreshInterval))
            {
                remote.LastAttempt = now;
                if (await FetchAsync(remote.Url).ConfigureAwait(false) is { } fetched)
                {
                    remote.Keys = fetched;
                    remote.FetchedAt = now;
                    LogFetched(_logger, fetched.Count);
                }
            }

            return remote.Keys;
        }
        finally
        {
            remote.Gate.Release();
        }
    }

    private bool IsStale(RemoteSet remote) => remote.FetchedAt is { } at && _clock.GetUtcNow() - at >= _maxAge;

    /// <summary>Fetches and parses a JWKS within the timeout, body included; <see langword="null"/> on any failure (status, timeout, size, content, connection).</summary>
    private async Task<IReadOnlyList<SecurityKey>?> FetchAsync(Uri url)
    {
        using var timeout = new CancellationTokenSource(_fetchTimeout);
        var cancel = timeout.Token;
        try
        {
            using var response = await _http.CreateClient(HttpClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentLength > MaxJwksBytes)
            {
                LogFailed(_logger, "status " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return null;
            }

            using var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
            var buffer = new byte[MaxJwksBytes + 1];
            int total = 0, read;
            while ((read = await body.ReadAsync(buffer.AsMemory(total), cancel).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxJwksBytes)
                {
                    LogFailed(_logger, "larger than " + MaxJwksBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes");
                    return null;
                }
            }

            var set = new JsonWebKeySet(System.Text.Encoding.UTF8.GetString(buffer, 0, total));
            IReadOnlyList<SecurityKey> keys = [.. set.GetSigningKeys()];
            return keys.Count > 0 ? keys : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or ArgumentException or System.Text.Json.JsonException)
        {
            // A timeout is an OperationCanceledException (ours, or HttpClient.Timeout's); a connection reset while the
            // body is read is an IOException.
            LogFailed(_logger, e.GetType().Name);
            return null;
        }
    }

    /// <summary>Gets whether the JWKS may be fetched from this URL: https, or http to the loopback interface (a local test EHR).</summary>
    internal static bool IsAllowed(string text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        url = parsed;
        return parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "JWKS fetched: {Keys} signing keys")]
    private static partial void LogFetched(ILogger logger, int keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JWKS fetch failed ({Reason}); tokens whose key is not cached are refused")]
    private static partial void LogFailed(ILogger logger, string reason);

    /// <summary>The cached key set of one JWKS URL.</summary>
    private sealed class RemoteSet(Uri? url)
    {
        public Uri? Url { get; } = url;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public IReadOnlyList<SecurityKey> Keys { get; set; } = [];

        public DateTimeOffset? LastAttempt { get; set; }

        public DateTimeOffset? FetchedAt { get; set; }

        /// <summary>Nothing cached yet, or the token names a key id the cache lacks.</summary>
        public bool Needs(string? keyId) =>
            Keys.Count == 0 || (keyId is { Length: > 0 } && !Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal)));
    }
}
