namespace TherapyBilling.Rules.Cli.Tests.Parallel;

/// <summary>The queue between the reader, the workers and the writer of <c>--parallel</c> (issue 17).</summary>
public sealed class HandOverQueueTests
{
    [Fact]
    public void Items_ComeOutInOrder_ThenCompletion()
    {
        var queue = new HandOverQueue<int>(int.MaxValue);
        for (int i = 0; i < 100; i++)
        {
            queue.Add(i, CancellationToken.None);
        }

        queue.CompleteAdding();
        var taken = new List<int>();
        while (queue.TryTake(out int item, CancellationToken.None))
        {
            taken.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 100), taken);
    }

    [Fact]
    public void FullQueue_ProducerWaitsUntilDrainedToHalf()
    {
        var queue = new HandOverQueue<int>(4);
        for (int i = 0; i < 4; i++)
        {
            queue.Add(i, CancellationToken.None);
        }

        using var added = new ManualResetEventSlim();
        var producer = new Thread(() =>
        {
            queue.Add(4, CancellationToken.None);
            added.Set();
        });
        producer.Start();

        // Only a producer that found the queue full waits for it to drain to half (one arriving at three items just adds).
        Assert.True(SpinWait.SpinUntil(() => (producer.ThreadState & ThreadState.WaitSleepJoin) != 0, 5000), "the producer waits on the full queue");
        Assert.True(queue.TryTake(out int first, CancellationToken.None));
        Assert.Equal(0, first);
        Assert.False(added.Wait(200), "three items left: above half the capacity, the producer still waits");
        Assert.True(queue.TryTake(out _, CancellationToken.None));
        Assert.True(added.Wait(5000), "two items left: the producer goes on");
        producer.Join();
    }

    [Fact]
    public void Cancellation_WakesAWaitingTaker()
    {
        var queue = new HandOverQueue<int>(1);
        using var stop = new CancellationTokenSource();
        using var wake = queue.WakeOn(stop.Token);
        Exception? seen = null;
        var taker = new Thread(() =>
        {
            try
            {
                queue.TryTake(out _, stop.Token);
            }
            catch (OperationCanceledException e)
            {
                seen = e;
            }
        });
        taker.Start();
        Thread.Sleep(100);

        stop.Cancel();

        Assert.True(taker.Join(5000));
        Assert.IsType<OperationCanceledException>(seen);
    }

    [Fact]
    public void ManyProducersAndTakers_EveryItemOnce()
    {
        var queue = new HandOverQueue<int>(3);
        var taken = new System.Collections.Concurrent.ConcurrentBag<int>();
        var takers = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            while (queue.TryTake(out int item, CancellationToken.None))
            {
                taken.Add(item);
            }
        })).ToList();
        takers.ForEach(t => t.Start());
        var producers = Enumerable.Range(0, 2).Select(p => new Thread(() =>
        {
            for (int i = 0; i < 5000; i++)
            {
                queue.Add((p * 5000) + i, CancellationToken.None);
            }
        })).ToList();
        producers.ForEach(t => t.Start());
        producers.ForEach(t => t.Join());
        queue.CompleteAdding();
        takers.ForEach(t => Assert.True(t.Join(10000)));

        Assert.Equal(Enumerable.Range(0, 10000), taken.OrderBy(i => i));
    }
}
