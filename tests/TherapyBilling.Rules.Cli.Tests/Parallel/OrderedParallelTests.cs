namespace TherapyBilling.Rules.Cli.Tests.Parallel;

/// <summary>Issue 17: the ordered parallel map behind <c>check --parallel N</c>.</summary>
public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 8)]
    public void Select_UnevenWork_ResultsInSourceOrder(int workers, int window)
    {
        // Early items take longer than later ones, so workers finish out of order.
        var results = OrderedParallel.Select(Enumerable.Range(0, 500), i => i, i => { Thread.SpinWait((500 - i) * 50); return i * 2; }, workers, window).ToList();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 2), results);
    }

    [Fact]
    public void Select_SlowConsumer_AtMostTheWindowAhead()
    {
        const int window = 64;
        int owned = 0, consumed = 0, maxAhead = 0;
        foreach (int _ in OrderedParallel.Select(Enumerable.Range(0, 400), i => { Interlocked.Increment(ref owned); return i; }, i => i, 2, window))
        {
            Thread.Sleep(1);
            maxAhead = Math.Max(maxAhead, Volatile.Read(ref owned) - consumed);
            consumed++;
        }

        // The window, plus the chunk the producer holds while it waits for room, plus the chunk being consumed.
        Assert.InRange(maxAhead, 1, window + (2 * OrderedParallel.ChunkSize));
    }

    [Fact]
    public void Select_SourceThrows_EarlierResultsFirstThenTheException()
    {
        static IEnumerable<int> Failing()
        {
            for (int i = 0; i < 50; i++)
            {
                yield return i;
            }

            throw new InvalidDataException("bad input");
        }

        var seen = new List<int>();
        var e = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (int r in OrderedParallel.Select(Failing(), i => i, i => i, 3, 4))
            {
                seen.Add(r);
            }
        });
        Assert.Equal("bad input", e.Message);
        Assert.Equal(Enumerable.Range(0, 50), seen);
    }

    [Fact]
    public void Select_MapThrows_SurfacesAtThatItem()
    {
        var seen = new List<int>();
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (int r in OrderedParallel.Select(Enumerable.Range(0, 100), i => i, i => i == 30 ? throw new InvalidOperationException() : i, 2, 16))
            {
                seen.Add(r);
            }
        });
        Assert.Equal(Enumerable.Range(0, 30), seen);
    }

    [Fact]
    public void Select_ConsumerStopsEarly_SourceStopsAndIsDisposed()
    {
        var source = new EndlessSource();
        foreach (int r in OrderedParallel.Select(source, i => i, i => i, 2, 4))
        {
            if (r == 10)
            {
                break;
            }
        }

        Assert.True(source.Disposed);
        int produced = source.Produced;
        Thread.Sleep(50);
        Assert.Equal(produced, source.Produced);
    }

    private sealed class EndlessSource : IEnumerable<int>
    {
        public bool Disposed { get; private set; }

        public int Produced { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                while (true)
                {
                    yield return Produced++;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
