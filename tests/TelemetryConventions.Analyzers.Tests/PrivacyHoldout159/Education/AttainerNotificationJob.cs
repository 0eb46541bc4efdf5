namespace PrivacyHoldout159.Education;

// Writes to sixth formers who turn 18 before polling day (attainers) with a registration invitation.
public sealed partial class AttainerNotificationJob(
    IElectoralRegister register,
    ICitizenMessenger messenger,
    ILogger<AttainerNotificationJob> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    CouncilOptions options)
{
    private readonly List<Elector> bounced = new();
    private Elector? current;

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation sent to attainer {ElectorNumber} in {District}")]
    private static partial void LogInvited(ILogger logger, [PrivateData] string electorNumber, string district);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation to {Email} bounced")]
    private static partial void LogBounced(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Attainer batch for {District}: {Count} invitations")]
    private static partial void LogBatch(ILogger logger, string district, int count);

    public async Task RunAsync(IReadOnlyList<Elector> attainers, string district, CancellationToken cancellationToken)
    {
        using var span = source.StartStudentvoteOperation(district);
        span.SetStudentvoteItemCount(attainers.Count); // clean generated-api
        LogBatch(logger, district, attainers.Count); // clean logging-objects

        foreach (var attainer in attainers)
        {
            current = attainer;
            try
            {
                await messenger.EmailAsync(attainer.Email, options.ConfirmationTemplateId, cancellationToken);
                LogInvited(logger, attainer.ElectorNumber, attainer.PollingDistrict); // clean logging-objects
                span.SetStudentvoteElectorId(pseudonymizer.PseudonymizeStudentvoteElectorId(attainer.ElectorNumber)); // clean precision-pseudonym
            }
            catch (HttpRequestException ex)
            {
                bounced.Add(attainer);
                LogBounced(logger, attainer.Email); // leak TC1001 logging-objects
                logger.LogWarning(ex, "Messenger refused an invitation in {District}", attainer.PollingDistrict); // clean exceptions
                logger.LogStudentvoteOperationFailedEvent(district, "bounced", studentvoteNote: ex.Message); // clean generated-api
                logger.LogStudentvoteOperationFailedEvent(district, "bounced", studentvoteElectorId: pseudonymizer.PseudonymizeStudentvoteElectorId(attainer.ElectorNumber), studentvoteNote: $"bounced: {attainer.Email}"); // leak TC1001 generated-api
            }
        }

        span.SetStudentvoteOutcome(bounced.Count == 0 ? "sent" : "partial"); // clean generated-api
        span.SetStudentvoteNote(string.Join("; ", bounced.Select(b => b.FullName))); // leak TC1001 generated-api
        Activity.Current?.SetTag(StudentvoteAttributes.Contact, bounced.FirstOrDefault()?.Email); // leak TC1001 generated-api
        meter.CreateStudentvoteRequestsCounter().Add(attainers.Count, studentvoteWard: district, studentvoteOutcome: "invited"); // clean generated-api
        meter.CreateStudentvoteRequestsCounter().Add(1, studentvoteWard: district, studentvoteOutcome: bounced.FirstOrDefault()?.ElectorNumber ?? "none"); // leak TC1003 generated-api
    }

    public void ReportCurrent()
    {
        Activity.Current?.SetTag("attainer.current", current?.ElectorNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("attainer.current.district", current?.PollingDistrict); // clean cross-member
        logger.LogInformation("Bounced so far: {Bounced}", bounced.Count); // clean cross-member
        logger.LogInformation("Bounced attainers: {Bounced}", bounced); // leak TC1001 cross-member
    }
}
