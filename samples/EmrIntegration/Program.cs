using EmrIntegration;

// An EMR's end-of-day claim scrub: map the EMR's visits to encounters, check them, print the work queue.
var scrubber = new ClaimScrubber();
var results = scrubber.ScrubAll(SampleVisits.Day);
Console.Write(FindingRenderer.Render(results));

// Exit 0: the findings are the point of the sample. A real job would hold the blocked claims instead.
return 0;
