using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TherapyBilling.Rules.Server.Configuration;

namespace TherapyBilling.Rules.Server.Http;

/// <summary>A request body read as JSON, or the problem that says why it could not be.</summary>
internal sealed class JsonBody : IDisposable
{
    private JsonBody(JsonDocument? document, ProblemHttpResult? problem)
    {
        Document = document;
        Problem = problem;
    }

    /// <summary>Gets the parsed body, or <see langword="null"/> when <see cref="Problem"/> is set.</summary>
    public JsonDocument? Document { get; }

    /// <summary>Gets the problem (415, 413, 400), or <see langword="null"/>.</summary>
    public ProblemHttpResult? Problem { get; }

    public void Dispose() => Document?.Dispose();

    /// <summary>
    /// Reads the body: checks the media type (415), the size (413, before and while reading), the nesting depth and the
    /// syntax (400 naming the 1-based line and byte column). Never repeats the parser's message, which can quote input.
    /// </summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, RulesServerOptions limits, CancellationToken cancel)
    {
        if (!IsJson(request.ContentType))
        {
            return Fail(DiagnosticDescriptors.RequestUnsupportedMediaType.Create(string.Empty, Problems.Arg("expected", "application/json")), StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > limits.MaxBodyBytes)
        {
            return TooLarge(limits);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limits.MaxBodyBytes + 1L;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(8192);
                int read = await request.Body.ReadAsync(memory, cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limits.MaxBodyBytes)
                {
                    return TooLarge(limits);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }

        return Parse(buffer.WrittenMemory, limits.MaxDepth);
    }

    /// <summary>Parses JSON text with the depth limit; the problems name where.</summary>
    public static JsonBody Parse(ReadOnlyMemory<byte> json, int maxDepth)
    {
        var bytes = json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? json[3..] : json;
        if (Scan(bytes.Span, maxDepth) is { } problem)
        {
            return new JsonBody(null, problem);
        }

        return new JsonBody(JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = maxDepth + 1 }), null);
    }

    private static ProblemHttpResult? Scan(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 2 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= maxDepth:
                        var (line, column) = Position(json, reader.TokenStartIndex);
                        return Fail(DiagnosticDescriptors.RequestTooDeep.Create(string.Empty, Problems.Arg("limit", maxDepth), Problems.Arg("line", line), Problems.Arg("column", column)), StatusCodes.Status400BadRequest).Problem;
                    case JsonTokenType.String or JsonTokenType.PropertyName when !JsonText.IsValidText(ref reader):
                        var (l, c) = Position(json, reader.TokenStartIndex);
                        return Malformed($"has text that is not valid UTF-8 at line {l}, column {c}", l, c);
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? 0) + 1, column = (e.BytePositionInLine ?? 0) + 1;
            return json.IsEmpty ? Malformed("is empty", 1, 1) : Malformed($"is not valid JSON at line {line}, column {column}", line, column);
        }
    }

    private static ProblemHttpResult Malformed(string problem, long line, long column) =>
        Problems.From(DiagnosticDescriptors.RequestMalformed.Create(string.Empty, Problems.Arg("problem", problem), Problems.Arg("line", line), Problems.Arg("column", column)), StatusCodes.Status400BadRequest);

    private static (long Line, long Column) Position(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)offset];
        int lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - lastNewline);
    }

    private static JsonBody TooLarge(RulesServerOptions limits) =>
        Fail(DiagnosticDescriptors.RequestTooLarge.Create(string.Empty, Problems.Arg("limit", limits.MaxBodyBytes)), StatusCodes.Status413PayloadTooLarge);

    private static JsonBody Fail(Diagnostic diagnostic, int status) => new(null, Problems.From(diagnostic, status));

    private static bool IsJson(string? contentType)
    {
        if (contentType is null || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        string type = media.MediaType.Value ?? string.Empty;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Gets the options for the body reader.</summary>
    public static RulesServerOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RulesServerOptions>>().Value;
}
