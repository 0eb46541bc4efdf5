namespace PrivacyHoldout155.Transport;

/// <summary>
/// Check-in desks and the app ask whether a traveller holds a valid electronic travel authorisation before
/// boarding; a carrier that boards someone without one is fined.
/// </summary>
public static class EtaCheckEndpoints
{
    private static readonly ActivitySource Source = new("Ferry.CheckIn");
    private static readonly Meter Meter = new("Ferry.CheckIn");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("eta.checks", "{check}");
    private static readonly Counter<long> Denied = Meter.CreateCounter<long>("eta.boarding_denied", "{traveller}");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/checkin/eta", CheckAsync);
        routes.MapGet("/checkin/eta/{etaNumber}", Status);
    }

    private static async Task<ActionResult> CheckAsync(EtaCheckRequest request, IEtaService eta, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("CheckIn.Eta");
        using var activity = Source.StartActivity("eta.check");
        activity?.SetTag("eta.desk", request.Desk); // clean precision-about
        activity?.SetTag("eta.nationality", request.Nationality); // clean precision-about
        activity?.SetTag("eta.route", $"{request.Nationality}/{request.Desk}"); // clean strings
        activity?.SetTag("eta.traveller", pseudonymizer.PseudonymizeBorderTravellerId(request.DocumentNumber)); // clean precision-pseudonym
        activity?.SetTag("eta.document", request.DocumentNumber); // leak TC1001 direct
        activity?.SetTag("eta.email", request.Email); // leak TC1001 direct
        activity?.SetTag("eta.email.present", request.Email is { Length: > 0 }); // clean precision-about
        Checks.Add(1, new KeyValuePair<string, object?>("nationality", request.Nationality)); // clean precision-about
        Checks.Add(1, new KeyValuePair<string, object?>("traveller", pseudonymizer.ComputeBorderTravellerId(request.DocumentNumber))); // leak TC1003 precision-pseudonym
        try
        {
            var status = await eta.CheckAsync(request.DocumentNumber, request.Nationality, cancellationToken);
            activity?.SetTag("eta.number", status.EtaNumber); // leak TC1001 direct
            activity?.SetTag("eta.status", status.Status); // clean precision-about
            activity?.SetTag("eta.valid_until", status.ValidUntil?.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
            logger.LogInformation("ETA status {Status}", status); // leak TC1001 logging-objects
            if (status.Status != "granted")
            {
                throw new EtaMissingException(request.DocumentNumber);
            }
            return new OkResult(status.Status);
        }
        catch (EtaMissingException ex)
        {
            Denied.Add(1, new KeyValuePair<string, object?>("desk", request.Desk)); // clean precision-about
            logger.LogWarning(ex, "Boarding denied at {Desk}", request.Desk); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, $"{ex.GetType().Name} at {request.Desk}"); // clean exceptions
            return new BadRequestResult("no ETA");
        }
    }

    private static ActionResult Status(string etaNumber, ILoggerFactory loggers)
    {
        Activity.Current?.SetTag("eta.lookup.number", etaNumber); // leak TC1001 direct
        loggers.CreateLogger("CheckIn.Eta").LogInformation("ETA looked up, {Length} characters", etaNumber.Length); // clean precision-about
        loggers.CreateLogger("CheckIn.Eta").LogWarning(new RpcException("NOT_FOUND", $"No ETA {etaNumber} on record"), "ETA look-up answered from cache"); // leak TC1001 exceptions
        return new OkResult(null);
    }
}

/// <summary>What the desk or app sends.</summary>
public sealed record EtaCheckRequest(string DocumentNumber, string Nationality, string Desk, string? Email);
