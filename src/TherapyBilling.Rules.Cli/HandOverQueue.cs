namespace TherapyBilling.Rules.Cli;

/// <summary>
/// A first-in, first-out queue between threads that waits without spinning (<see cref="Monitor.Wait(object)"/>), for
/// <see cref="OrderedParallel"/>: on a machine with as many threads as cores, a waiting thread that spins takes the
/// core a worker needs (<c>BlockingCollection</c>'s semaphore spins before it blocks, and did so at every chunk).
/// </summary>
/// <typeparam name="T">The items.</typeparam>
/// <remarks>
/// A full bounded queue lets a blocked producer go on only when it has drained to half its capacity, so the producer
/// wakes once per several items rather than once per item.
/// </remarks>
internal sealed class HandOverQueue<T>
{
    private readonly Queue<T> _items = new();
    private readonly int _capacity;
    private readonly int _resumeAt;
    private bool _completed;

    /// <summary>Creates a queue.</summary>
    /// <param name="capacity">The most items it holds (at least 1); <see cref="int.MaxValue"/> for no bound.</param>
    public HandOverQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _resumeAt = capacity == int.MaxValue ? int.MaxValue : capacity / 2;
    }

    /// <summary>Adds an item, waiting while the queue is full.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="stop"/> was cancelled (see <see cref="WakeOn"/>).</exception>
    public void Add(T item, CancellationToken stop)
    {
        lock (_items)
        {
            if (_items.Count >= _capacity)
            {
                while (_items.Count > _resumeAt)
                {
                    stop.ThrowIfCancellationRequested();
                    Monitor.Wait(_items);
                }
            }

            stop.ThrowIfCancellationRequested();
            _items.Enqueue(item);
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>Takes the next item, waiting while the queue is empty and not complete.</summary>
    /// <returns><see langword="false"/> when the queue is complete and empty.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="stop"/> was cancelled (see <see cref="WakeOn"/>).</exception>
    public bool TryTake(out T item, CancellationToken stop)
    {
        lock (_items)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    item = default!;
                    return false;
                }

                stop.ThrowIfCancellationRequested();
                Monitor.Wait(_items);
            }

            item = _items.Dequeue();
            if (_items.Count == _resumeAt)
            {
                Monitor.PulseAll(_items); // a producer waiting on a full queue may go on
            }

            return true;
        }
    }

    /// <summary>Marks the queue complete: takers get the items left, then <see langword="false"/>.</summary>
    public void CompleteAdding()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>Wakes every waiting thread when <paramref name="stop"/> is cancelled, so that it sees the cancellation.</summary>
    /// <returns>The registration; dispose it when done.</returns>
    public CancellationTokenRegistration WakeOn(CancellationToken stop) =>
        stop.Register(static state =>
        {
            var items = (Queue<T>)state!;
            lock (items)
            {
                Monitor.PulseAll(items);
            }
        }, _items);
}
