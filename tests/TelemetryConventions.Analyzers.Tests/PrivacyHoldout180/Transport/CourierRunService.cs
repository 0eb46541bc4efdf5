namespace PrivacyHoldout180.Transport;

/// <summary>Blood and organ courier runs by volunteer riders and chartered flights, and free rail travel for donors to their sessions.</summary>
public sealed class CourierRunService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<CourierRunService> logger)
{
    private static readonly ActivitySource Source = new("Bloodrun.Runs");
    private static readonly Meter Meter = new("Bloodrun.Runs");
    private static readonly Histogram<double> RunMinutes = Meter.CreateHistogram<double>("bloodrun.run.minutes");
    private readonly BloodrunOperationsCounter _operations = Meter.CreateBloodrunOperationsCounter();

    public void StartRun(CourierRun run)
    {
        using var span = Source.StartBloodrunOperation(run.FromHospital);
        span.SetBloodrunDonorId(pseudonymizer.PseudonymizeBloodrunDonorId(run.RiderId)); // clean precision-pseudonym
        span.SetBloodrunNote($"run {run.RunId} box {run.BoxId} to {run.ToHospital}"); // clean generated-api
        span.SetBloodrunNote($"rider {run.RiderName}, {run.RiderPhone}"); // leak TC1001 generated-api
        span.Activity?.SetTag("run.id", run.RunId); // clean precision-names
        span.Activity?.SetTag("box.id", run.BoxId); // clean precision-names
        span.Activity?.SetTag("run.contents", run.Contents); // clean precision-about
        span.Activity?.SetTag("rider.id", run.RiderId); // leak TC1001 direct
        span.Activity?.SetTag("rider.phone", run.RiderPhone); // leak TC1001 direct
        logger.LogInformation("Run {@Run}", run); // leak TC1001 logging-objects
        logger.LogInformation("Run {Run}", run with { RiderId = "", RiderName = "", RiderPhone = "" }); // clean logging-objects
        TagRider(span.Activity, run.RiderName); // leak TC1001 cross-member
        TagRider(span.Activity, run.ToHospital); // clean precision-names
        RunMinutes.Record(42.5, new KeyValuePair<string, object?>("to", run.ToHospital)); // clean precision-about
        RunMinutes.Record(42.5, new KeyValuePair<string, object?>("rider", run.RiderId)); // leak TC1003 direct
        _operations.Add(1, run.FromHospital, "collected"); // clean generated-api
    }

    public void Transfer(OrganTransfer transfer)
    {
        using var activity = Source.StartActivity("OrganTransfer");
        activity?.SetTag("transfer.id", transfer.TransferId); // clean precision-names
        activity?.SetTag("transfer.flight", transfer.Flight); // clean precision-names
        activity?.SetTag("transfer.organ", transfer.OrganType); // clean precision-about
        activity?.SetTag("transfer.centre", transfer.DestinationCentre); // clean precision-about
        activity?.SetTag("recipient.nhs", transfer.RecipientNhsNumber); // leak TC1001 direct
        activity?.SetTag("recipient", pseudonymizer.ComputeBloodrunRecipientId(transfer.RecipientNhsNumber)); // clean precision-pseudonym
        logger.LogInformation("Transfer {Transfer}", transfer); // leak TC1001 logging-objects
        logger.LogInformation("Transfer {Transfer}", transfer with { RecipientNhsNumber = "" }); // clean logging-objects
        _operations.Add(1, transfer.DestinationCentre, transfer.RecipientNhsNumber); // leak TC1003 generated-api
        try
        {
            throw new RegistrationConflictException(transfer.RecipientNhsNumber);
        }
        catch (RegistrationConflictException ex)
        {
            logger.LogBloodrunOperationFailedEvent(transfer.DestinationCentre, "failed"); // clean generated-api
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
        }
    }

    public void IssueTravelPass(DonorTravelPass pass)
    {
        using var span = Source.StartBloodrunOperation("rail-desk");
        span.SetBloodrunNote("pass for " + pass.PassengerName); // leak TC1001 generated-api
        span.SetBloodrunNote($"session {pass.SessionId}"); // clean generated-api
        span.Activity?.SetTag(BloodrunAttributes.Contact, "[not given]"); // clean generated-api
        span.Activity?.SetTag("railcard.number", pass.RailcardNumber); // leak TC1001 direct
        span.Activity?.SetTag("railcard.last4", pass.RailcardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("passenger.email", pass.Email); // leak TC1001 direct
        span.Activity?.SetTag("passenger.hash", pass.Email.ToLowerInvariant().GetHashCode()); // leak TC1002 hashes
        var group = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(pass.RailcardNumber)))[..4];
        span.Activity?.SetTag("railcard.group", group); // clean hashes
        logger.LogInformation("Pass {Pass}", pass); // leak TC1001 logging-objects
        logger.LogInformation("Pass issued for session {SessionId}, email domain {Domain}", pass.SessionId, pass.Email.Split('@')[^1]); // clean precision-about
        TravelLog.PassIssued(logger, pass.RailcardNumber, pass.SessionId); // clean precision-names
        TravelLog.PassIssuedPlain(logger, pass.RailcardNumber, pass.SessionId); // leak TC1001 direct
    }

    private static void TagRider(Activity? activity, string value) =>
        activity?.SetTag("run.rider", value); // leak TC1001 direct
}

internal static partial class TravelLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Donor travel pass {Railcard} for session {SessionId}")]
    public static partial void PassIssued(ILogger logger, [PrivateData] string railcard, string sessionId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Donor travel pass issued on {Railcard} for {SessionId}")]
    public static partial void PassIssuedPlain(ILogger logger, string railcard, string sessionId);
}
