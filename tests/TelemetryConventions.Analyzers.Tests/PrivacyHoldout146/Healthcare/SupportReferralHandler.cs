namespace PrivacyHoldout146.Healthcare;

/// <summary>Refers next of kin to bereavement support and answers Tell Us Once for deaths in the trust.</summary>
public sealed partial class SupportReferralHandler(
    IBereavementSupport support,
    IBereavementCases cases,
    ITellUsOnceGateway tellUsOnce,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<SupportReferralHandler> logger)
{
    public async Task ReferAsync(string hospitalNumber, string officerNote, CancellationToken cancellationToken)
    {
        var kin = await cases.NextOfKinAsync(hospitalNumber, cancellationToken) ?? throw new DeceasedNotFoundException(hospitalNumber);
        using var span = source.StartBereavementOperation(options.Site);
        span.SetBereavementKinId(pseudonymizer.PseudonymizeBereavementKinId(kin.KinRecordId)).SetBereavementStage("referral"); // clean precision-pseudonym
        var referral = new SupportReferral(Guid.NewGuid().ToString("N"), kin.KinRecordId, "cruse", officerNote);
        var referralId = await support.ReferAsync(referral, cancellationToken);
        LogReferred(logger, referralId, referral.Service); // clean logging-objects
        LogReferralDetail(logger, referral); // leak TC1001 logging-objects
        LogKinNamed(logger, kin.Name); // clean logging-objects
        LogKinNamedUnclassified(logger, kin.Name); // leak TC1001 logging-objects
        span.SetBereavementNote(officerNote); // leak TC1001 generated-api
        span.SetBereavementNote($"note of {officerNote.Length} characters"); // clean generated-api
        Activity.Current?.SetTag("bereavement.referral.service", referral.Service); // clean precision-about
        try
        {
            await support.TextAsync(kin.Phone, $"Your referral {referralId} has been made", cancellationToken);
        }
        catch (KinUnreachableException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
        }
    }

    public async Task AnswerTellUsOnceAsync(DeathRegistration registration, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("tell_us_once.reference", registration.TellUsOnceReference); // leak TC1001 direct
        Activity.Current?.SetTag("tell_us_once.postcode_district", registration.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("tell_us_once.informant_has_phone", !string.IsNullOrEmpty(registration.InformantPhone)); // clean precision-about
        logger.LogInformation("Tell Us Once notification {Registration}", registration); // leak TC1001 logging-objects
        logger.LogInformation("Tell Us Once informant {Informant} on {Phone}", registration.InformantName, registration.InformantPhone); // leak TC1001 direct
        try
        {
            var receipt = await tellUsOnce.AcknowledgeAsync(registration.TellUsOnceReference, matched: true, cancellationToken);
            logger.LogInformation("Acknowledged {@Receipt}", receipt); // clean logging-objects
            Activity.Current?.SetTag("tell_us_once.receipt_id", receipt.ReceiptId); // clean precision-names
        }
        catch (UnknownNotificationException ex)
        {
            logger.LogError(ex, "Could not match a Tell Us Once notification"); // leak TC1001 exceptions
        }
        catch (GatewayRejectedException ex)
        {
            logger.LogError(ex, "Tell Us Once gateway refused the acknowledgement with {Status}", ex.Status); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Referral {ReferralId} made to {Service}")]
    private static partial void LogReferred(ILogger logger, string referralId, string service);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Referral detail {Referral}")]
    private static partial void LogReferralDetail(ILogger logger, SupportReferral referral);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Referred next of kin {KinName}")]
    private static partial void LogKinNamed(ILogger logger, [PrivateData] string kinName);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Referred next of kin {KinName} (debug)")]
    private static partial void LogKinNamedUnclassified(ILogger logger, string kinName);
}
