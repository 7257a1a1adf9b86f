using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>The static part of a diagnostic: id, title, message format with named placeholders, category and default severity.</summary>
/// <remarks>All descriptors are listed in <see cref="DiagnosticDescriptors.All"/>. Immutable and thread-safe.</remarks>
public sealed class DiagnosticDescriptor
{
    /// <summary>The help link template; <c>{0}</c> is the id.</summary>
    public const string HelpLinkFormat = "docs/diagnostics/{0}.md";

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

    /// <summary>Gets the documentation link.</summary>
    public string HelpLink { get; }

    /// <summary>Creates a diagnostic at a path.</summary>
    /// <param name="path">The path into the input (0-based indices).</param>
    /// <param name="arguments">The values of the message's placeholders.</param>
    /// <returns>The diagnostic.</returns>
    public Diagnostic Create(string path, params DiagnosticArgument[] arguments) =>
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
