using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>What <see cref="DocumentationCheck.Validate"/> needs besides the note: the date of service, the units, the lines billed and the requirement set.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DocumentationCheckContext
{
    /// <summary>Initializes a new instance of the <see cref="DocumentationCheckContext"/> class.</summary>
    /// <param name="dateOfService">The encounter's date of service.</param>
    /// <param name="units">The unit engine's result for the encounter's segments (its method is the method checked).</param>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> is <see langword="null"/>.</exception>
    public DocumentationCheckContext(LocalDate dateOfService, UnitCalculation units)
    {
        DateOfService = dateOfService;
        Units = Guard.NotNull(units);
    }

    /// <summary>Gets the encounter's date of service.</summary>
    public LocalDate DateOfService { get; }

    /// <summary>Gets the unit engine's result for the encounter.</summary>
    public UnitCalculation Units { get; }

    /// <summary>Gets the claim lines as billed; empty when the units are billed as computed.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<BilledLine> BilledLines { get; init; } = [];

    /// <summary>Gets the requirement set.</summary>
    /// <value>The default value is <see cref="DocumentationRequirementSet.Medicare"/>.</value>
    public DocumentationRequirementSet Requirements { get; init; } = DocumentationRequirementSet.Medicare;

    /// <summary>Gets the code catalog (which codes are timed).</summary>
    /// <value>The default value is <see cref="CodeCatalog.Default"/>.</value>
    public CodeCatalog Catalog { get; init; } = CodeCatalog.Default;

    /// <summary>Gets "today", for certifications still unsigned; <see langword="null"/> to judge them as of the date of service.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public LocalDate? Today { get; init; }

    /// <summary>Gets the path of the note inside the checked object; paths of findings in the note start with it.</summary>
    /// <value>The default value is <c>documentation</c>.</value>
    public string NotePath { get; init; } = "documentation";
}
