namespace TherapyBilling.Rules.Cli.Tests.Support;

/// <summary>
/// Tests that read the process's managed heap (<c>GC.GetTotalMemory</c>) run in this collection, alone: other test
/// classes running in parallel would add their own allocations to the figure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringGroup
{
    public const string Name = "Memory measuring (not parallel)";
}
