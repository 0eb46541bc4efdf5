namespace PrivacyHoldout154.Media;

/// <summary>The magazine site's "what's my car worth" widget for readers.</summary>
public static partial class ValuationEndpoints
{
    private static readonly Meter ValuationMeter = new("MotorMag.Valuations");
    private static readonly Counter<long> Valuations = ValuationMeter.CreateCounter<long>("valuations.requested");

    public static EndpointRoutes MapValuations(this EndpointRoutes routes) => routes.MapPost("/valuations", ValueAsync);

    private static async Task<ActionResult> ValueAsync(ValuationRequest request, string? readerNumber, IValuationEngine engine, ILogger<ValuationRequest> logger, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartMotormagOperation("valuations");
        if (readerNumber is not null)
        {
            span.SetMotormagReaderId(pseudonymizer.PseudonymizeMotormagReaderId(readerNumber)); // clean precision-pseudonym
        }

        Activity.Current?.SetTag("valuation.mileage", request.Mileage); // clean precision-about
        Activity.Current?.SetTag("valuation.postcode_area", new string(request.Postcode.TakeWhile(char.IsLetter).ToArray())); // clean precision-about
        Activity.Current?.SetTag("valuation.registration", request.Registration.Replace(" ", "")); // leak TC1001 direct
        Activity.Current?.SetTag("valuation.email", request.Email.ToLowerInvariant()); // leak TC1001 direct
        logger.LogInformation("Valuation asked {Request}", request); // leak TC1001 logging-objects
        LogAsked(logger, request.Registration, request.Mileage); // leak TC1001 logging-objects
        Valuations.Add(1, new KeyValuePair<string, object?>("valuation.source", readerNumber is null ? "anonymous" : "reader")); // clean precision-about
        try
        {
            var valuation = await engine.ValueAsync(request, cancellationToken);
            logger.LogInformation("Valued {Valuation}", valuation); // clean logging-objects
            span.SetMotormagNote($"{valuation.Year} {valuation.Make} {valuation.Model}: trade {valuation.Trade:C0}"); // clean generated-api
            meter.CreateMotormagValuationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "valuations"); // clean generated-api
            return new OkResult(valuation);
        }
        catch (PlateNotRecognisedException ex)
        {
            span.SetMotormagOutcome("plate-unknown").SetMotormagNote(ex.Message); // leak TC1001 generated-api
            meter.CreateMotormagValuationsCounter().Add(1, "valuations", "plate-unknown"); // clean generated-api
            return new BadRequestResult("plate");
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Valuation asked for {Registration} at {Mileage} miles")]
    private static partial void LogAsked(ILogger logger, string registration, int mileage);
}
