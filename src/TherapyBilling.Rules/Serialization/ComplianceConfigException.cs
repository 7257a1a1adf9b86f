namespace TherapyBilling.Rules;

/// <summary>A configuration file that cannot be used: the message names the line and column (1-based) and the problem, never the file's values.</summary>
public sealed class ComplianceConfigException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ComplianceConfigException"/> class.</summary>
    public ComplianceConfigException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplianceConfigException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ComplianceConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplianceConfigException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComplianceConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplianceConfigException"/> class at a position.</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="problem">The problem.</param>
    public ComplianceConfigException(int line, int column, string problem)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {line}, column {column}: {problem}"))
    {
        Line = line;
        Column = column;
    }

    /// <summary>Gets the 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column, or 0 when unknown.</summary>
    public int Column { get; }
}
