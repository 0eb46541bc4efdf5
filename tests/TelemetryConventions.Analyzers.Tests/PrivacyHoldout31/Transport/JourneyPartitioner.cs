using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout31.Support.Coordination;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Transport;

public sealed class JourneyVersionConflictException(string journeyId, long expected, long actual)
    : Exception($"Journey {journeyId} is at version {actual}, expected {expected}");

public sealed class CardHotlistedException(string cardNumber, string reason)
    : Exception($"Card {cardNumber} is hotlisted ({reason})");

public interface IJourneyStore
{
    Task ApplyAsync(Tap tap, CancellationToken cancellationToken);
}

/// <summary>
/// Taps are spread over lanes, one reader per lane, so that all taps of one card are applied in order;
/// the lock per card covers the hand-over while lanes are rebalanced.
/// </summary>
public sealed class JourneyPartitioner(IDistributedLockProvider locks, IJourneyStore journeys, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<JourneyPartitioner> logger)
{
    private const int Lanes = 8;
    private static readonly ActivitySource Source = new("Transit.Journeys");
    private readonly Channel<Tap>[] _lanes = Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<Tap>(1_000)).ToArray();

    public ValueTask RouteAsync(Tap tap, CancellationToken ct)
    {
        var lane = (int)((uint)tap.CardNumber.GetHashCode() % Lanes);
        Activity.Current?.SetTag("journey.lane", lane); // leak TC1002 hashes
        Activity.Current?.SetTag("journey.stop", tap.StopId);
        return _lanes[lane].Writer.WriteAsync(tap, ct);
    }

    /// <summary>The rebalanced lanes use a keyed hash, stable across processes.</summary>
    public int StableLaneOf(Tap tap)
    {
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(tap.CardNumber))[0] % Lanes;
        Activity.Current?.SetTag("journey.stable_lane", lane); // clean hashes
        return lane;
    }

    public async Task RunLaneAsync(int lane, CancellationToken ct)
    {
        await foreach (var tap in _lanes[lane].Reader.ReadAllAsync(ct))
        {
            await using var handle = await locks.CreateLock($"journey:{tap.CardNumber}").AcquireAsync(TimeSpan.FromSeconds(5), ct);
            using var span = Source.StartCoordinationLock("journey");
            span.SetCoordinationOwnerId(pseudonymizer.PseudonymizeCoordinationOwnerId(tap.CardNumber)); // clean precision-pseudonym
            span.SetCoordinationAttempt(1);
            try
            {
                await journeys.ApplyAsync(tap, ct);
                span.SetCoordinationOutcome("applied"); // clean generated-api
            }
            catch (JourneyVersionConflictException ex)
            {
                logger.LogWarning(ex, "Journey changed concurrently at stop {StopId}", tap.StopId); // clean exceptions
                span.SetCoordinationOutcome("conflict");
            }
            catch (CardHotlistedException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                span.SetCoordinationOutcome($"hotlisted {tap.CardNumber}"); // leak TC1001 generated-api
            }
        }
    }
}
