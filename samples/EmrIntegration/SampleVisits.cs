namespace EmrIntegration;

/// <summary>A day of made-up visits (no real patient data) that shows each status.</summary>
public static class SampleVisits
{
    /// <summary>Gets the visits.</summary>
    public static IReadOnlyList<EmrVisit> Day { get; } =
    [
        // OT self-care training and therapeutic activities in separate time blocks: 18 + 11 + 7.5 minutes -> 36 timed
        // minutes, 2 units (CMS). 97530/97535 is an NCCI pair, so 97535 carries XU (a separate encounter/time block).
        new("V-1001", "CHART-0001", new DateOnly(2026, 3, 2), "OT",
            [
                new("97535", new TimeOnly(9, 0), new TimeOnly(9, 18)),
                new("97530", new TimeOnly(9, 18), new TimeOnly(9, 29)),
                new("97535", new TimeOnly(9, 29), new TimeOnly(9, 36, 30)),
            ],
            [new("97535", 1, "GO,XU"), new("97530", 1, "GO")]),

        // The same visit, but the EMR picks XS (separate structure), which rarely fits a timed therapy code.
        new("V-1004", "CHART-0004", new DateOnly(2026, 3, 2), "OT",
            [
                new("97535", new TimeOnly(13, 0), new TimeOnly(13, 18)),
                new("97530", new TimeOnly(13, 18), new TimeOnly(13, 29)),
                new("97535", new TimeOnly(13, 29), new TimeOnly(13, 36, 30)),
            ],
            [new("97535", 1, "GO,XS"), new("97530", 1, "GO")]),

        // PT: 20 minutes of 97535 support 1 unit, but the EMR charges 2.
        new("V-1002", "CHART-0002", new DateOnly(2026, 3, 2), "PT",
            [new("97535", new TimeOnly(10, 0), new TimeOnly(10, 20))],
            [new("97535", 2, "GP")]),

        // A typo in the treatment log: the EMR record itself is wrong.
        new("V-1003", "CHART-0003", new DateOnly(2026, 3, 2), "PT",
            [new("9753", new TimeOnly(11, 0), new TimeOnly(11, 30))],
            [new("97535", 2, "GP")]),
    ];
}
