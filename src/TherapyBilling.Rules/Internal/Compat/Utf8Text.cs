namespace TherapyBilling.Rules;

/// <summary>UTF-8 validation: the framework's vectorised check on net10.0, a strict decoder on netstandard2.0.</summary>
internal static class Utf8Text
{
#if !NET
    private static readonly System.Text.UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif

    /// <summary>Gets whether <paramref name="bytes"/> is well-formed UTF-8 (no invalid sequence, no encoded surrogate).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
#if NET
        return System.Text.Unicode.Utf8.IsValid(bytes);
#else
        try
        {
            _ = s_strict.GetCharCount(bytes.ToArray());
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
#endif
    }
}
