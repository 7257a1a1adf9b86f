using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>The modifiers of a code computed from its segments: every segment's modifiers, first-seen order, no repeats.</summary>
internal static class SegmentModifiers
{
    /// <summary>
    /// Merges the modifiers of the segments at <paramref name="indices"/>. A segment's own list is returned as it is
    /// (the model is immutable) while it holds every modifier seen and no repeats, the usual case of one modifier set
    /// per code; a new list is built only when a later segment adds a modifier.
    /// </summary>
    public static ImmutableArray<Modifier> Of(ImmutableArray<TreatmentSegment> segments, ImmutableArray<int> indices)
    {
        ImmutableArray<Modifier> shared = default;
        ImmutableArray<Modifier>.Builder? built = null;
        foreach (int index in indices)
        {
            var modifiers = segments[index].Modifiers;
            if (built is null)
            {
                if (shared.IsDefault && !Modifier.HasRepeats(modifiers))
                {
                    shared = modifiers;
                    continue;
                }

                if (!shared.IsDefault && ContainsAll(shared, modifiers))
                {
                    continue;
                }

                built = ImmutableArray.CreateBuilder<Modifier>();
                if (!shared.IsDefault)
                {
                    built.AddRange(shared);
                }
            }

            foreach (var modifier in modifiers)
            {
                if (!built.Contains(modifier))
                {
                    built.Add(modifier);
                }
            }
        }

        return built is not null ? built.ToImmutable() : shared.IsDefault ? [] : shared;
    }

    private static bool ContainsAll(ImmutableArray<Modifier> all, ImmutableArray<Modifier> some)
    {
        foreach (var modifier in some)
        {
            if (all.IndexOf(modifier) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
