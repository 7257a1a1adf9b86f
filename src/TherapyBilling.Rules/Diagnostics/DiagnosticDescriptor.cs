using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>The static part of a diagnostic: id, title, message format with named placeholders, category and default severity.</summary>
/// <remarks>All descriptors are listed in <see cref="DiagnosticDescriptors.All"/>. Immutable and thread-safe.</remarks>
public sealed class DiagnosticDescriptor
{
    /// <summary>The help link without a base URL: the command that prints the page; <c>{0}</c> is the id.</summary>
    public const string HelpLinkFormat = "therapy-rules explain {0}";

    /// <summary>Initializes a new instance of the <see cref="DiagnosticDescriptor"/> class.</summary>
    /// <param name="id">The stable id, <c>TBR</c> and three digits.</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">The message with named placeholders such as <c>{code}</c>.</param>
    /// <param name="category">The family: Input, Units, Documentation, Separation or Payers.</param>
    /// <param name="defaultSeverity">The default severity.</param>
    /// <param name="since">The library version that introduced the id.</param>
    public DiagnosticDescriptor(string id, string title, string messageFormat, string category, Severity defaultSeverity, string since = "0.1.0")
    {
        Id = Guard.NotNull(id);
        Title = Guard.NotNull(title);
        MessageFormat = Guard.NotNull(messageFormat);
        Category = Guard.NotNull(category);
        DefaultSeverity = defaultSeverity;
        Since = Guard.NotNull(since);
        HelpLink = HelpLinkFormat.Replace("{0}", id, StringComparison.Ordinal);
    }

    /// <summary>Gets the stable id.</summary>
    public string Id { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the message format with named placeholders.</summary>
    public string MessageFormat { get; }

    /// <summary>Gets the category (rule family).</summary>
    public string Category { get; }

    /// <summary>Gets the default severity.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>Gets the version that introduced the id.</summary>
    public string Since { get; }

    /// <summary>Gets where to read about the id without a base URL: <c>therapy-rules explain TBR303</c>.</summary>
    public string HelpLink { get; }

    /// <summary>Gets the diagnostic's page (Markdown, the text of <c>docs/diagnostics/TBRnnn.md</c>) embedded in the library, or <see langword="null"/> for an id without one.</summary>
    public string? HelpText => DiagnosticHelp.Find(Id);

    /// <summary>Gets the link to the diagnostic's page under a base URL.</summary>
    /// <param name="baseUrl">
    /// The base URL, or <see langword="null"/> for <see cref="HelpLink"/>. <c>{id}</c> in it is replaced by the id;
    /// otherwise the link is the base URL, a slash, the id and <c>.md</c> (the pages' file names).
    /// </param>
    /// <returns>The link.</returns>
    public string GetHelpLink(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return HelpLink;
        }

        return baseUrl.Contains("{id}", StringComparison.Ordinal)
            ? baseUrl.Replace("{id}", Id, StringComparison.Ordinal)
            : baseUrl.TrimEnd('/') + "/" + Id + ".md";
    }

    /// <summary>Creates a diagnostic at a path.</summary>
    /// <param name="path">The path into the input (0-based indices).</param>
    /// <param name="arguments">The values of the message's placeholders.</param>
    /// <returns>The diagnostic.</returns>
    public Diagnostic Create(string path, params DiagnosticArgument[] arguments) =>
        new(this, DefaultSeverity, Guard.NotNull(path), ImmutableArray.Create(arguments));

    /// <summary>
    /// Creates a diagnostic at a path (the library's own call sites bind here: the compiler passes the arguments in a
    /// stack buffer, and they are copied once into the diagnostic's immutable array, not first into a
    /// <see langword="params"/> array).
    /// </summary>
    /// <param name="path">The path into the input (0-based indices).</param>
    /// <param name="arguments">The values of the message's placeholders.</param>
    /// <returns>The diagnostic.</returns>
    internal Diagnostic Create(string path, params ReadOnlySpan<DiagnosticArgument> arguments) =>
        new(this, DefaultSeverity, Guard.NotNull(path), ImmutableArray.Create(arguments));

    /// <summary>Creates a diagnostic at a path with a severity other than the default.</summary>
    /// <param name="severity">The severity.</param>
    /// <param name="path">The path into the input.</param>
    /// <param name="arguments">The values of the message's placeholders.</param>
    /// <returns>The diagnostic.</returns>
    public Diagnostic Create(Severity severity, string path, params DiagnosticArgument[] arguments) =>
        new(this, severity, Guard.NotNull(path), ImmutableArray.Create(arguments));

    /// <inheritdoc/>
    public override string ToString() => Id + ": " + Title;
}
