using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>Short constructors for <see cref="DiagnosticArgument"/> that format in the invariant culture.</summary>
internal static class Arg
{
    public static DiagnosticArgument Of(string name, string value) => new(name, value);

    public static DiagnosticArgument Of(string name, int value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    public static DiagnosticArgument Of(string name, CptCode value) => new(name, value.Value);

    public static DiagnosticArgument Of(string name, Modifier value) => new(name, value.Value);

    public static DiagnosticArgument Of<T>(string name, T value)
        where T : IFormattable => new(name, value.ToString(null, CultureInfo.InvariantCulture));
}
