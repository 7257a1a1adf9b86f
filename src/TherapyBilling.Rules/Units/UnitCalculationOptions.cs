using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Options for <see cref="UnitCalculator.Calculate(IEnumerable{TreatmentSegment}, UnitMethod, UnitCalculationOptions?)"/>.</summary>
/// <remarks>Immutable and thread-safe. <see cref="Default"/> uses the shipped catalog and the documented tie-break.</remarks>
public sealed record UnitCalculationOptions
{
    private readonly ImmutableArray<CptCode> _preferredOrder = [];

    /// <summary>Gets the default options.</summary>
    public static UnitCalculationOptions Default { get; } = new();

    /// <summary>Gets the code catalog that says which codes are timed.</summary>
    /// <value>The default value is <see cref="CodeCatalog.Default"/>.</value>
    public CodeCatalog Catalog { get; init; } = CodeCatalog.Default;

    /// <summary>
    /// Gets the clinician's preferred order for CMS ties: where leftover minutes are equal, a code listed here
    /// takes the unit before a code listed later or not at all. CMS lets the qualified professional choose
    /// (CPM ch. 5 §20.2 examples 2 and 5).
    /// </summary>
    /// <remarks>
    /// This only sets the default the computed lines show. Every other valid choice is accepted too
    /// (<see cref="UnitCalculation.IsValidAllocation"/>), and one visit's own choice is expressed by its billed lines
    /// or by <see cref="UnitCalculation.WithAllocation"/>, not by this global option.
    /// </remarks>
    /// <value>The default value is empty: ties go to the code with more minutes, then to the one first in the input. A <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<CptCode> PreferredOrder
    {
        get => _preferredOrder;
        init => _preferredOrder = Guard.EmptyIfDefault(value);
    }

    /// <summary>Gets the date of service. When set, segments dated on another day are reported (TBR107).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public LocalDate? DateOfService { get; init; }
}
