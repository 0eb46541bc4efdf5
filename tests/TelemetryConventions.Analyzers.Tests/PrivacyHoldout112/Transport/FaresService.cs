using Transit.V1;

namespace PrivacyHoldout112.Transport;

public interface IFareEngine
{
    Task<TapResult> ChargeAsync(TapRequest tap, CancellationToken cancellationToken);

    Task<bool> IsHotlistedAsync(string cardNumber, CancellationToken cancellationToken);
}

/// <summary>
/// transit.v1.Fares: validators on buses and at gates send each tap. A hotlisted card is refused with
/// FailedPrecondition and the card in an <c>x-card</c> trailer, so the validator can show it.
/// </summary>
public sealed class FaresService(
    IFareEngine engine,
    Pseudonymizer pseudonymizer,
    KeyedShards shards,
    ILogger<FaresService> logger) : Fares.FaresBase
{
    private static readonly ActivitySource Source = new("Transit.Fares");
    private static readonly Meter Meter = new("Transit.Fares");
    private static readonly Counter<long> Taps = Meter.CreateCounter<long>("transit.taps");

    public override async Task<TapResult> Tap(TapRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTransitrpcCall(context.Method)
            .SetTransitrpcRiderId(pseudonymizer.PseudonymizeTransitrpcRiderId(request.CardNumber)) // clean precision-pseudonym
            .SetTransitrpcDeadlineRemaining((long)(context.Deadline - DateTime.UtcNow).TotalMilliseconds); // clean precision-about
        Activity.Current?.SetTag("transit.stop.id", request.StopId); // clean precision-names
        Activity.Current?.SetTag("transit.vehicle.id", request.VehicleId); // clean precision-names
        Activity.Current?.SetTag("transit.card.last4", request.CardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("transit.card.sample", shards.ShardOf(request.CardNumber, 100) < 5); // clean hashes
        Activity.Current?.SetTag("transit.card.bucket", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.CardNumber)))[..2]); // leak TC1002 hashes
        Activity.Current?.SetTag("validator.peer", context.Peer); // clean precision-names
        Activity.Current?.SetTag("transit.tap.key", request.CardNumber + "@" + request.StopId); // leak TC1001 strings

        if (await engine.IsHotlistedAsync(request.CardNumber, context.CancellationToken))
        {
            var trailers = new Metadata { { "x-card", request.CardNumber }, { "x-reason", "hotlisted" } };
            logger.LogWarning("Hotlisted card refused at {Stop}, trailers {Trailers}", request.StopId, trailers); // leak TC1001 logging-objects
            Taps.Add(1, new KeyValuePair<string, object?>("outcome", "hotlisted"), new KeyValuePair<string, object?>("stop", request.StopId)); // clean precision-names
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Card is hotlisted"), trailers); // clean exceptions
        }

        var result = await engine.ChargeAsync(request, context.CancellationToken);
        logger.LogInformation("Tap {Result}", result); // clean logging-objects
        logger.LogInformation("Tap request {Tap}", request); // leak TC1001 logging-objects
        span.SetTransitrpcOutcome(result.Outcome).SetTransitrpcNote($"journey {result.JourneyId}, {result.FarePence}p"); // clean generated-api
        Taps.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome), new KeyValuePair<string, object?>("card", pseudonymizer.ComputeTransitrpcRiderId(request.CardNumber))); // leak TC1003 precision-pseudonym
        Meter.CreateTransitrpcCallDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, context.Method, "grpc"); // clean precision-about
        logger.LogTapped(request.CardNumber, result.FarePence); // clean precision-pseudonym
        logger.LogTappedPlain(request.CardNumber, request.StopId); // leak TC1001 direct
        return result;
    }
}

internal static partial class FaresLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Card {CardNumber} charged {Fare}p")]
    public static partial void LogTapped(this ILogger logger, [PrivateData] string cardNumber, int fare);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "Card {CardNumber} tapped at {Stop}")]
    public static partial void LogTappedPlain(this ILogger logger, string cardNumber, string stop);
}
