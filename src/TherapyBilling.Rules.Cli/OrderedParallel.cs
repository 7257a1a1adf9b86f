using System.Runtime.ExceptionServices;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// Maps a sequence on several worker threads and returns the results in input order, with at most a fixed number of
/// items in flight (a bounded reorder window), so memory stays flat whatever the length of the input.
/// </summary>
/// <remarks>
/// <para>One producer thread enumerates the source and calls <c>own</c> on each item (on that thread, in order: for
/// the CLI, the copy that lets a record outlive the reader's buffer); <c>workers</c> threads call <c>map</c>; the
/// caller receives the results in the source's order. The producer hands items to the workers in chunks of
/// <see cref="ChunkSize"/> (one hand-over per chunk) and blocks while <c>window</c> items are in flight.</para>
/// <para>An exception from the source surfaces after every earlier item's result has been returned, as the
/// sequential loop would see it; an exception from <c>map</c> surfaces at that item. When the caller stops early (an
/// exception while writing, or disposal), the producer and the workers are stopped and joined before the enumerator
/// is done, so nothing reads the input after the caller has closed it (except a producer blocked reading a pipe
/// that stays open, which is left behind after two seconds as a background thread).</para>
/// </remarks>
internal static class OrderedParallel
{
    /// <summary>Items in flight per worker: the reorder window is <c>workers × WindowPerWorker</c>.</summary>
    public const int WindowPerWorker = 64;

    /// <summary>Items handed to a worker at once: one hand-over (and one wake-up) per chunk, not per item.</summary>
    public const int ChunkSize = 16;

    /// <summary>Maps <paramref name="source"/> on <paramref name="workers"/> threads, in order.</summary>
    /// <typeparam name="TSource">The source's items.</typeparam>
    /// <typeparam name="TItem">The owned copy of an item handed to a worker.</typeparam>
    /// <typeparam name="TResult">The results.</typeparam>
    /// <param name="source">The input, enumerated once on the producer thread.</param>
    /// <param name="own">Turns an item into one that outlives the next <c>MoveNext</c> (called on the producer thread).</param>
    /// <param name="map">The work per item (called on a worker thread).</param>
    /// <param name="workers">The number of worker threads (at least 1).</param>
    /// <param name="window">The most items in flight (at least 1).</param>
    /// <returns>The results, in the order of <paramref name="source"/>.</returns>
    public static IEnumerable<TResult> Select<TSource, TItem, TResult>(IEnumerable<TSource> source, Func<TSource, TItem> own, Func<TItem, TResult> map, int workers, int window)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        return Run(source, own, map, workers, window);
    }

    private static IEnumerable<TResult> Run<TSource, TItem, TResult>(IEnumerable<TSource> source, Func<TSource, TItem> own, Func<TItem, TResult> map, int workers, int window)
    {
        using var stop = new CancellationTokenSource();
        var inOrder = new HandOverQueue<Slot<TItem, TResult>>(Math.Max(1, window / ChunkSize));
        var work = new HandOverQueue<Slot<TItem, TResult>>(int.MaxValue);
        using var wakeInOrder = inOrder.WakeOn(stop.Token);
        using var wakeWork = work.WakeOn(stop.Token);
        ExceptionDispatchInfo? sourceFailure = null;

        void Post(Slot<TItem, TResult> slot)
        {
            inOrder.Add(slot, stop.Token);
            work.Add(slot, stop.Token);
        }

        var producer = new Thread(() =>
        {
            var chunk = new List<TItem>(ChunkSize);
            try
            {
                foreach (var item in source)
                {
                    chunk.Add(own(item));
                    if (chunk.Count == ChunkSize)
                    {
                        Post(new Slot<TItem, TResult>([.. chunk]));
                        chunk.Clear();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped early.
            }
#pragma warning disable CA1031 // Handed to the caller, after the results that came before it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                sourceFailure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                // The last, partial chunk (also the items read before a failure of the source).
                try
                {
                    if (chunk.Count > 0 && !stop.IsCancellationRequested)
                    {
                        Post(new Slot<TItem, TResult>([.. chunk]));
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The caller stopped early.
                }

                inOrder.CompleteAdding();
                work.CompleteAdding();
            }
        }) { IsBackground = true, Name = "therapy-rules reader" };

        var threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            threads[i] = new Thread(() => Work(work, map, stop.Token)) { IsBackground = true, Name = "therapy-rules worker" };
        }

        producer.Start();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        try
        {
            while (inOrder.TryTake(out var slot, CancellationToken.None))
            {
                foreach (var result in slot.Wait())
                {
                    yield return result;
                }
            }

            sourceFailure?.Throw();
        }
        finally
        {
            stop.Cancel();

            // The producer leaves at its next item; one blocked reading a pipe that stays open is left behind (a
            // background thread) rather than holding the exit of a run that has already failed.
            producer.Join(TimeSpan.FromSeconds(2));
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }
    }

    private static void Work<TItem, TResult>(HandOverQueue<Slot<TItem, TResult>> work, Func<TItem, TResult> map, CancellationToken stop)
    {
        try
        {
            while (work.TryTake(out var slot, stop))
            {
                slot.Run(map);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The caller stopped early.
        }
    }

    /// <summary>A chunk of items in flight: their inputs until a worker takes them, then their results (or the exception of a map).</summary>
    private sealed class Slot<TItem, TResult>(TItem[] items)
    {
        private readonly object _gate = new();
        private readonly TResult[] _results = new TResult[items.Length];
        private TItem[] _items = items;
        private bool _done;
        private int _completed;
        private ExceptionDispatchInfo? _failure;

        public void Run(Func<TItem, TResult> map)
        {
            try
            {
                for (; _completed < _items.Length; _completed++)
                {
                    _results[_completed] = map(_items[_completed]);
                }
            }
#pragma warning disable CA1031 // Handed to the caller at this item's place.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                _items = [];
                lock (_gate)
                {
                    _done = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>Waits for the chunk, then returns its results in order; a failed map throws after the results before it.</summary>
        public IEnumerable<TResult> Wait()
        {
            lock (_gate)
            {
                while (!_done)
                {
                    Monitor.Wait(_gate);
                }
            }

            for (int i = 0; i < _completed; i++)
            {
                yield return _results[i];
            }

            _failure?.Throw();
        }
    }
}
