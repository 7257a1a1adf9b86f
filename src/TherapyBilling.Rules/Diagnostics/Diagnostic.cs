using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>One finding: a stable id, a severity, a message in the invariant culture and a path into the input.</summary>
/// <remarks>
/// <para><see cref="Path"/> is relative to the object that was checked (an encounter), with 0-based indices:
/// <c>segments[2].end</c>, <c>lines[0].modifiers[1]</c>. An empty path means the object as a whole.</para>
/// <para>Create diagnostics through <see cref="DiagnosticDescriptor.Create(string, DiagnosticArgument[])"/>.
/// Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class Diagnostic
{
    private string? _message;

    internal Diagnostic(DiagnosticDescriptor descriptor, Severity severity, string path, ImmutableArray<DiagnosticArgument> arguments)
        : this(descriptor, severity, path, arguments, [], descriptor.HelpLink)
    {
    }

    private Diagnostic(DiagnosticDescriptor descriptor, Severity severity, string path, ImmutableArray<DiagnosticArgument> arguments, ImmutableArray<Fix> fixes, string helpLink)
    {
        Fixes = fixes;
        HelpLink = helpLink;
        Descriptor = descriptor;
        Severity = severity;
        Path = path;
        Arguments = arguments;
    }

    /// <summary>Gets the descriptor this diagnostic was created from.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Gets the stable id, such as <c>TBR101</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Gets the severity (the descriptor's default unless a payer or option changed it).</summary>
    public Severity Severity { get; }

    /// <summary>Gets the rendered message, in the invariant culture.</summary>
    /// <remarks>Rendered on first read and kept (a batch that never reads a message never renders it); the same text every time.</remarks>
    public string Message => _message ??= Render(Descriptor.MessageFormat, Arguments);

    /// <summary>Gets the path into the input (0-based indices), or an empty string for the whole object.</summary>
    public string Path { get; }

    /// <summary>Gets the structured values behind the message.</summary>
    public ImmutableArray<DiagnosticArgument> Arguments { get; }

    /// <summary>
    /// Gets where to read about the diagnostic: an absolute URL when <see cref="ComplianceOptions.HelpBaseUrl"/> is set,
    /// else the command that prints the page (<c>therapy-rules explain TBR303</c>).
    /// </summary>
    public string HelpLink { get; }

    /// <summary>Gets the fixes that resolve this finding, where the data proves them; empty when it cannot tell.</summary>
    public ImmutableArray<Fix> Fixes { get; }

    /// <summary>Gets the value of a named argument, or <see langword="null"/>.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    public string? GetArgument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (string.Equals(argument.Name, name, StringComparison.Ordinal))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>Returns a new diagnostic with the path prefixed, for embedding a sub-object's findings.</summary>
    /// <param name="prefix">The prefix, such as <c>documentation</c>.</param>
    /// <returns>The re-rooted diagnostic.</returns>
    public Diagnostic WithPathPrefix(string prefix)
    {
        Guard.NotNull(prefix);
        if (prefix.Length == 0)
        {
            return this;
        }

        string path = Path.Length == 0 ? prefix : Path.StartsWith('[') ? prefix + Path : prefix + "." + Path;
        return new Diagnostic(Descriptor, Severity, path, Arguments, Fixes, HelpLink);
    }

    /// <summary>Returns a new diagnostic with another severity (a payer may raise or lower one).</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The diagnostic.</returns>
    public Diagnostic WithSeverity(Severity severity) => new(Descriptor, severity, Path, Arguments, Fixes, HelpLink);

    /// <summary>Gets a copy that points at <paramref name="path"/> (for an adapter that maps the contract's paths to its own, such as FHIRPaths); arguments, fixes and help link are kept.</summary>
    /// <param name="path">The new path.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public Diagnostic WithPath(string path) => new(Descriptor, Severity, Guard.NotNull(path), Arguments, Fixes, HelpLink);

    /// <summary>Returns the diagnostic with one more fix (families attach a fix only where the data proves it).</summary>
    internal Diagnostic WithFix(Fix fix) => new(Descriptor, Severity, Path, Arguments, Fixes.Add(fix), HelpLink);

    /// <summary>Returns the diagnostic with its help link resolved against a base URL (the engine does this once, after the families).</summary>
    internal Diagnostic WithHelpBaseUrl(string? baseUrl) => baseUrl is null ? this : new(Descriptor, Severity, Path, Arguments, Fixes, Descriptor.GetHelpLink(baseUrl));

    /// <summary>Formats the diagnostic as <c>path: severity ID: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Path.Length == 0 ? "(encounter)" : Path)}: {SeverityText.Of(Severity)} {Id}: {Message}");

    private static string Render(string format, ImmutableArray<DiagnosticArgument> arguments)
    {
        if (arguments.IsDefaultOrEmpty || format.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return format;
        }

        var text = new System.Text.StringBuilder(format.Length + 32);
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i];
            int close;
            if (c == '{' && (close = format.IndexOf('}', i + 1)) > i)
            {
                var name = format.AsSpan(i + 1, close - i - 1);
                string? value = null;
                foreach (var argument in arguments)
                {
                    if (name.SequenceEqual(argument.Name.AsSpan()))
                    {
                        value = argument.Value;
                        break;
                    }
                }

                text.Append(value ?? format[i..(close + 1)]);
                i = close + 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return text.ToString();
    }
}
