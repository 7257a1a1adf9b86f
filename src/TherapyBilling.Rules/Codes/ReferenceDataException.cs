namespace TherapyBilling.Rules;

/// <summary>Thrown when a reference data file (code catalog, pair table, payer profile) cannot be read.</summary>
/// <remarks>The message names the source and the 1-based line, so a tool can print it as one line.</remarks>
public sealed class ReferenceDataException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ReferenceDataException"/> class.</summary>
    public ReferenceDataException()
        : this("Reference data could not be read.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ReferenceDataException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ReferenceDataException(string message)
        : base(message)
    {
        SourceName = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="ReferenceDataException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="ReferenceDataException"/> class for a line of a named source.</summary>
    /// <param name="sourceName">The file or resource name.</param>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <param name="problem">What is wrong with the line.</param>
    public ReferenceDataException(string sourceName, int lineNumber, string problem)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sourceName}:{lineNumber}: {problem}"))
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
    }

    /// <summary>Gets the file or resource name, or an empty string.</summary>
    public string SourceName { get; }

    /// <summary>Gets the 1-based line number, or 0 when not known.</summary>
    public int LineNumber { get; }
}
