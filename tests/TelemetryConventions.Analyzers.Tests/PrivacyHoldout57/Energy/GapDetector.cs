using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Energy;

public sealed record MeterHeartbeat(string MeterSerial, string FeederId, DateTimeOffset LastPeriod, int Partition);

public interface IHeadEndClient
{
    /// <summary>Asks the head-end system to re-send a meter's reads for the missing periods.</summary>
    Task RequestBackfillAsync(string meterSerial, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>Thrown by the head-end client when a meter is not on the head-end's books.</summary>
public sealed class MeterNotCommissionedException(string meterSerial)
    : Exception($"Meter {meterSerial} is not commissioned on the head-end system");

/// <summary>
/// Remembers when each meter last reported and, on a timer, asks the head-end system to re-send
/// the periods of meters that have gone quiet for more than two hours.
/// </summary>
public sealed class GapDetector : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, MeterHeartbeat> _lastSeen = new();
    private readonly IHeadEndClient _headEnd;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<GapDetector> _logger;
    private readonly Timer _sweep;
    private readonly Timer _backfillRetry;
    private int _sweeping;

    public GapDetector(IHeadEndClient headEnd, Pseudonymizer pseudonymizer, Meter meter, ILogger<GapDetector> logger)
    {
        _headEnd = headEnd;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _sweep = new Timer(_ => _ = SweepAsync(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
        _backfillRetry = new Timer(RetryBackfill, null, Timeout.Infinite, Timeout.Infinite);
        meter.CreateObservableGauge("meterdata.meters.tracked", () => _lastSeen.Count); // clean precision-about
        meter.CreateObservableGauge("meterdata.meters.quiet", () => _lastSeen.Values.GroupBy(h => h.FeederId).Select(g => new Measurement<int>(g.Count(h => DateTimeOffset.UtcNow - h.LastPeriod > Quiet), new KeyValuePair<string, object?>("feeder", g.Key)))); // clean direct
    }

    public void Seen(MeterHeartbeat heartbeat) => _lastSeen.AddOrUpdate(heartbeat.MeterSerial, heartbeat, (_, previous) => previous.LastPeriod >= heartbeat.LastPeriod ? previous : heartbeat);

    private async Task SweepAsync()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            _logger.LogDebug("Previous sweep still running; skipped"); // clean direct
            return;
        }

        try
        {
            var now = DateTimeOffset.UtcNow;
            var quiet = _lastSeen.Values.Where(h => now - h.LastPeriod > Quiet).ToList();
            _logger.LogInformation("Gap sweep: {Quiet} of {Tracked} meters quiet", quiet.Count, _lastSeen.Count); // clean precision-about
            _logger.LogDebug("Quiet meters: {Meters}", quiet.Select(h => h.MeterSerial)); // leak TC1001 cross-member

            var failures = new ConcurrentBag<string>();
            await Task.WhenAll(quiet.Select(async heartbeat =>
            {
                var serial = _pseudonymizer.PseudonymizeMeterdataMeterSerial(heartbeat.MeterSerial);
                _logger.LogMeterdataGapDetectedEvent(MeterdataReadQuality.Estimated, serial, heartbeat.FeederId, meterdataNote: $"quiet since {heartbeat.LastPeriod:u}"); // clean precision-pseudonym
                try
                {
                    await _headEnd.RequestBackfillAsync(heartbeat.MeterSerial, heartbeat.LastPeriod, now, CancellationToken.None);
                    _logger.LogDebug(string.Format("Backfill requested for {0} from {1:u}", heartbeat.MeterSerial, heartbeat.LastPeriod)); // leak TC1001 strings
                }
                catch (MeterNotCommissionedException ex)
                {
                    _logger.LogMeterdataGapDetectedEvent(MeterdataReadQuality.Suspect, serial, heartbeat.FeederId, meterdataNote: ex.Message); // leak TC1001 generated-api
                    _lastSeen.TryRemove(heartbeat.MeterSerial, out _);
                }
                catch (Exception ex) when (ex is TimeoutException or HttpRequestFailure)
                {
                    _logger.LogWarning("Backfill request timed out for a meter on {Feeder} ({Error})", heartbeat.FeederId, ex.GetType().Name); // clean exceptions
                    failures.Add(heartbeat.MeterSerial);
                }
            }));

            if (!failures.IsEmpty)
            {
                _backfillRetry.Change(TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
                _pendingRetry = failures.ToArray();
                _logger.LogWarning("{Count} backfill requests will be retried in 5 minutes", failures.Count); // clean precision-about
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private string[] _pendingRetry = Array.Empty<string>();

    private void RetryBackfill(object? state)
    {
        var serials = Interlocked.Exchange(ref _pendingRetry, Array.Empty<string>());
        foreach (var serial in serials)
        {
            ThreadPool.QueueUserWorkItem(s =>
            {
                var meterSerial = (string)s!;
                var fingerprint = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(meterSerial)))[..8];
                Activity.Current?.SetTag("meterdata.retry.fingerprint", fingerprint); // leak TC1002 hashes
                _logger.LogInformation("Retrying backfill for {Meter}", meterSerial); // leak TC1001 cross-member
                _ = _headEnd.RequestBackfillAsync(meterSerial, DateTimeOffset.UtcNow - Quiet, DateTimeOffset.UtcNow, CancellationToken.None)
                    .ContinueWith(t => _logger.LogWarning(t.Exception, "Backfill retry failed"), TaskContinuationOptions.OnlyOnFaulted); // leak TC1001 exceptions
            }, serial);
        }
    }

    public void Dispose()
    {
        _sweep.Dispose();
        _backfillRetry.Dispose();
        _logger.LogInformation("Gap detector stopped with {Tracked} meters tracked", _lastSeen.Count);
    }
}

/// <summary>Thrown by the head-end client on a 5xx from the head-end system.</summary>
public sealed class HttpRequestFailure(int status) : Exception($"Head-end answered {status}");
