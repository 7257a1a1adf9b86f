using System.Buffers;
using System.Text.Json;

namespace TherapyBilling.Rules;

public static partial class EncounterJson
{
    /// <summary>Reads one encounter record straight from its UTF-8 JSON bytes.</summary>
    /// <param name="utf8">The record: one JSON object of input contract v1, as UTF-8 bytes.</param>
    /// <param name="options">How strictly to read; <see langword="null"/> for <see cref="EncounterReadOptions.Default"/>.</param>
    /// <returns>
    /// Exactly what <see cref="Read(JsonElement, EncounterReadOptions?)"/> returns for the same bytes parsed with
    /// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>: the same encounter, diagnostics and paths.
    /// </returns>
    /// <remarks>
    /// <para>A well-formed record (known properties, each once, values in range, nothing to report) is read in one
    /// pass of a <see cref="Utf8JsonReader"/>: dates, times, codes and modifiers are parsed from the bytes without a
    /// string; the treatment note is read from the bytes too (each kept text becomes one string), the authorization
    /// by the same code as the element path. Anything
    /// else (an error, an unknown property, a value out of range, an escaped code) is read by the element path, so
    /// the result is always the same as that path's; only the time differs.</para>
    /// <para>Never throws for bad fields: every problem is an input diagnostic. Thread-safe.</para>
    /// </remarks>
    /// <exception cref="JsonException">The bytes are not one well-formed JSON value (as <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>).</exception>
    public static EncounterReadResult Read(ReadOnlySpan<byte> utf8, EncounterReadOptions? options)
    {
        options ??= EncounterReadOptions.Default;
        if (Utf8EncounterReader.TryRead(utf8, options.Strict, out var fast))
        {
            return fast;
        }

        byte[] copy = ArrayPool<byte>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            utf8.CopyTo(copy);
            using var document = JsonDocument.Parse(copy.AsMemory(0, utf8.Length), default(JsonDocumentOptions));
            return Read(document.RootElement, options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
