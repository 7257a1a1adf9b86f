namespace TherapyBilling.Rules.Cli;

/// <summary>A usage or input error: the tool prints its message as one line and exits with code 2.</summary>
/// <remarks>Messages name files, lines and columns, never input values (notes can hold patient data).</remarks>
internal sealed class CliInputException : Exception
{
    public CliInputException()
    {
    }

    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
