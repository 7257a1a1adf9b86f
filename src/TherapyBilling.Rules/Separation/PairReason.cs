using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>Why a pair got its status; the sentence is built only when <see cref="CodePairOutcome.Explanation"/> is read.</summary>
internal enum PairReason
{
    /// <summary>Modifier indicator 9.</summary>
    IndicatorNotApplicable = 1,

    /// <summary>Modifier indicator 0.</summary>
    IndicatorNotAllowed,

    /// <summary>The PTP modifier is on the column-1 line.</summary>
    ModifierOnColumnOne,

    /// <summary>No PTP modifier on the column-2 line.</summary>
    ModifierMissing,

    /// <summary>An anatomic edit, different body regions.</summary>
    DistinctRegions,

    /// <summary>Segments in distinct time intervals.</summary>
    DistinctTimes,

    /// <summary>A modifier, but no segment times.</summary>
    TimesMissing,

    /// <summary>The segments of the two codes share time.</summary>
    SharedTime,
}

/// <summary>The sentences of <see cref="PairReason"/>, exactly as the check wrote them when they were built eagerly.</summary>
internal static class PairReasons
{
    public static string Text(PairReason reason, CodePairOutcome outcome) => reason switch
    {
        PairReason.IndicatorNotApplicable => "the edit has modifier indicator 9 (not applicable)",
        PairReason.IndicatorNotAllowed => "modifier indicator 0: no modifier bypasses the edit",
        PairReason.ModifierOnColumnOne => "the modifier is on the column-1 line, not on column 2",
        PairReason.ModifierMissing => "no 59 or X modifier on the column-2 line",
        PairReason.DistinctRegions => $"{outcome.Modifier} on {outcome.Column2}, an anatomic edit and the segments record different body regions",
        PairReason.DistinctTimes => $"{outcome.Modifier} on {outcome.Column2}, segments in distinct time intervals",
        PairReason.TimesMissing => $"{outcome.Modifier} on {outcome.Column2}, but segment times are missing",
        _ => string.Create(CultureInfo.InvariantCulture, $"the segments share {SharedMinutes(outcome.SharedTimes)} minute(s): no modifier can show distinct intervals; correct the times"),
    };

    /// <summary>The minutes shared by a pair's segments, added up.</summary>
    public static long SharedMinutes(ImmutableArray<SharedTime> sharedTimes)
    {
        long minutes = 0;
        foreach (var shared in sharedTimes)
        {
            minutes += shared.Minutes;
        }

        return minutes;
    }
}
