using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Education;

public sealed record RegradeRequest(string StudentNumber, string AssignmentId, string RequestedBy, DateTimeOffset At);

public sealed class GradebookLockedException(string studentNumber, string moderationRound)
    : Exception($"Gradebook of {studentNumber} is locked for moderation round {moderationRound}");

public interface IGradeStore
{
    Task RecalculateAsync(string studentNumber, string assignmentId, CancellationToken cancellationToken);

    Task<decimal> AverageAsync(string studentNumber, CancellationToken cancellationToken);
}

/// <summary>Regrade requests from lecturers, worked through one at a time by <see cref="RegradeWorker"/>.</summary>
public sealed class RegradeQueue(ILogger<RegradeQueue> logger)
{
    private readonly Channel<RegradeRequest> _channel = Channel.CreateBounded<RegradeRequest>(new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<RegradeRequest> Reader => _channel.Reader;

    public async ValueTask EnqueueAsync(RegradeRequest request, CancellationToken ct)
    {
        if (!_channel.Writer.TryWrite(request))
        {
            logger.LogWarning("Regrade queue full; waiting to enqueue {Request}", request); // leak TC1001 logging-objects
            await _channel.Writer.WriteAsync(request, ct);
        }

        Activity.Current?.SetTag("regrade.queue_depth", _channel.Reader.Count); // clean precision-about
        Activity.Current?.SetTag("regrade.assignment", request.AssignmentId); // clean precision-about
    }
}

public sealed class RegradeWorker(RegradeQueue queue, IGradeStore grades, GradeMemoizer memo, Pseudonymizer pseudonymizer, ILogger<RegradeWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Portal.Regrade");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("regrade.process");
            activity?.SetTag("regrade.student", request.StudentNumber); // leak TC1001 cross-member
            activity?.SetTag("regrade.requester", pseudonymizer.ComputeCoordinationOwnerId(request.RequestedBy)); // clean precision-pseudonym
            activity?.SetTag("regrade.queued_ms", (DateTimeOffset.UtcNow - request.At).TotalMilliseconds); // clean precision-about
            try
            {
                await grades.RecalculateAsync(request.StudentNumber, request.AssignmentId, stoppingToken);
                memo.Forget(request.StudentNumber);
            }
            catch (GradebookLockedException ex)
            {
                logger.LogError(ex, "Regrade of assignment {AssignmentId} refused", request.AssignmentId); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            }
        }
    }
}

/// <summary>Running averages are expensive; they are memoized per student until a regrade.</summary>
public sealed class GradeMemoizer(IGradeStore grades, ILogger<GradeMemoizer> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<decimal>>> _averages = new();

    public Task<decimal> AverageAsync(string studentNumber, CancellationToken ct)
    {
        var lazy = _averages.GetOrAdd(studentNumber, s => new Lazy<Task<decimal>>(() => grades.AverageAsync(s, ct)));
        Activity.Current?.SetTag("memo.cached", lazy.IsValueCreated); // clean precision-about
        Activity.Current?.SetTag("memo.size", _averages.Count);
        Activity.Current?.SetTag("memo.bucket", (studentNumber.GetHashCode() & 0x7fffffff) % 16); // leak TC1002 hashes
        return lazy.Value;
    }

    public void Forget(string studentNumber)
    {
        if (_averages.TryRemove(studentNumber, out _))
        {
            logger.LogDebug("Forgot a memoized average; {Remaining} remain", _averages.Count);
        }
    }

    public void Dump() => logger.LogDebug("Memoized averages for {Students}", _averages.Keys); // leak TC1001 logging-objects
}
