namespace PrivacyHoldout178.Transport;

/// <summary>Calls about a person on the line: blocks the line, sends police and a mobile operations manager, locates the person.</summary>
public sealed class TrespassCallHandler(ICallTakingSystem calls, ILogger<TrespassCallHandler> logger)
{
    private static readonly ActivitySource Source = new("NetworkRail.Trespass");

    public async Task HandleAsync(string callId, string elr, int mileage, string momStaffNumber, string spokenWords, CancellationToken cancellationToken)
    {
        using var span = Source.StartRailsafeOperation(elr);
        span.Activity?.SetTag("line.elr", elr); // clean precision-names
        span.Activity?.SetTag("line.mileage", mileage); // clean precision-names
        span.Activity?.SetTag("call.id", callId); // clean precision-names
        span.Activity?.SetTag("mom.staff_number", momStaffNumber); // leak TC1001 direct
        var call = await calls.FindAsync(callId, cancellationToken);
        if (call is null)
        {
            return;
        }

        span.Activity?.SetTag("call.nature", call.NatureCode); // clean precision-about
        if (span.Activity is { } current) { current.DisplayName = $"Trespass call from {call.CallerNumber}"; } // leak TC1001 strings
        logger.LogInformation("Trespass on {Elr} at {Mileage} reported on {Line}", elr, mileage, call.Line); // clean precision-names
        var fix = await calls.LocateAsync(call.CallerNumber, cancellationToken);
        if (fix is not null)
        {
            logger.LogInformation("Caller at {Lat},{Lon}", fix.Latitude, fix.Longitude); // leak TC1001 direct
            logger.LogInformation("Caller within {Accuracy} m, near {Lat}", fix.AccuracyMetres, Math.Round(fix.Latitude, 1)); // clean precision-about
        }

        try
        {
            throw new LocationNotResolvedException(spokenWords);
        }
        catch (LocationNotResolvedException ex)
        {
            span.Activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
        }
    }
}
