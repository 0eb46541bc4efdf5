using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Transport;

public interface IHotlist
{
    bool Contains(string cardNumber);
}

public interface IJourneyStore
{
    Task<TapResult> RecordTapAsync(TapRequest tap, FareQuote fare, CancellationToken cancellationToken);

    IAsyncEnumerable<JourneyRecord> ForCardAsync(string cardNumber, int days, CancellationToken cancellationToken);
}

public static class TransitActivityExtensions
{
    /// <summary>Revenue protection asked for the card on every fare span while they chase a fraud ring.</summary>
    public static Activity? TagCard(this Activity? activity, string cardNumber) => activity?.SetTag("transit.card.number", cardNumber); // leak TC1001 direct
}

/// <summary>Fares: taps from gate and bus readers, and the rider's journey history for the app (JSON transcoding).</summary>
public sealed class FaresService(
    FareEngine.FareEngineClient fareEngine,
    IHotlist hotlist,
    IJourneyStore journeys,
    ILogger<FaresService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : Fares.FaresBase
{
    private static readonly FareQuote DefaultFare = new() { FarePence = 280, FareCode = "FLAT" };

    private readonly Counter<long> _taps = meter.CreateCounter<long>("transit.taps", "{tap}");

    public override async Task<TapResult> TapIn(TapRequest request, ServerCallContext context)
    {
        var span = Activity.Current.EnrichGrpcCallHandle(context.Method);
        Activity.Current?.SetTag("transit.card.last4", request.CardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("transit.reader", request.ReaderId); // clean direct
        Activity.Current?.SetTag("transit.card.bucket", HashCode.Combine(request.CardNumber) & 7); // leak TC1002 hashes
        Activity.Current.TagCard(request.CardNumber); // leak TC1001 cross-member

        if (hotlist.Contains(request.CardNumber))
        {
            logger.LogWarning("Hotlisted card {CardNumber} tapped at {Stop}", request.CardNumber, request.StopId); // leak TC1001 direct
            span.SetGrpcCallOutcome("hotlisted");
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Card is blocked.")); // clean exceptions
        }

        if (request.CardNumber.Length is < 16 or > 19)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Card {request.CardNumber} is not a valid ITSO or EMV number")); // leak TC1001 exceptions
        }

        FareQuote fare;
        try
        {
            var remaining = context.Deadline - DateTime.UtcNow;
            var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Math.Min(300, remaining.TotalMilliseconds / 2));
            span.SetGrpcCallDeadlineMs((long)remaining.TotalMilliseconds); // clean precision-about
            using var call = fareEngine.QuoteAsync(new FareQuoteRequest { FromStop = request.StopId, Product = "payg" }, new CallOptions(deadline: deadline, cancellationToken: context.CancellationToken));
            fare = await call.ResponseAsync;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable)
        {
            logger.LogWarning(ex, "Fare engine did not answer for reader {Reader}; charging the flat fare", request.ReaderId); // clean exceptions
            span.SetGrpcCallNote($"flat fare after {ex.StatusCode}; debug {ex.Status.DebugException?.GetType().Name}"); // clean exceptions
            fare = DefaultFare;
        }

        var result = await journeys.RecordTapAsync(request, fare, context.CancellationToken);
        span.SetGrpcCallSubjectId(pseudonymizer.PseudonymizeGrpcCallSubjectId(request.CardNumber)); // clean precision-pseudonym
        _taps.Add(1, new TagList { { "transit.stop", request.StopId }, { "transit.fare_code", fare.FareCode } }); // clean direct
        logger.LogInformation("Tap recorded: {Result}", result); // clean logging-objects
        return result;
    }

    public override async Task CardJourneys(CardJourneysRequest request, IServerStreamWriter<JourneyRecord> responseStream, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var template = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        Activity.Current?.SetTag("http.route", template); // clean precision-names
        var cardSegment = http.Request.Path.Value?.Split('/')[3];
        logger.LogDebug("Journey history requested for card {CardSegment}", cardSegment); // leak TC1001 strings
        Activity.Current.TagCard(request.CardNumber); // leak TC1001 cross-member
        var riderEmail = http.User.FindFirst("email")?.Value;
        if (riderEmail is not null)
        {
            Activity.Current?.SetTag(GrpcCallAttributes.SubjectContact, pseudonymizer.ComputeGrpcCallSubjectId(riderEmail)); // leak TC1001 precision-pseudonym
        }

        var count = 0;
        await foreach (var journey in journeys.ForCardAsync(request.CardNumber, request.Days, context.CancellationToken))
        {
            await responseStream.WriteAsync(journey);
            count++;
        }

        logger.LogInformation("Sent {Count} journeys over {Days} days", count, request.Days); // clean precision-about
    }
}
