namespace TherapyBilling.Rules;

/// <summary>How serious a finding is. Ordered so that <c>&gt;=</c> works: <c>severity &gt;= Severity.Warning</c>.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing to fix (for example a timed line that earns no unit).</summary>
    Info = 1,

    /// <summary>Likely to draw a denial or an audit question; review it.</summary>
    Warning = 2,

    /// <summary>The claim or note is wrong as it stands; fix it before it goes out.</summary>
    Error = 3,
}
