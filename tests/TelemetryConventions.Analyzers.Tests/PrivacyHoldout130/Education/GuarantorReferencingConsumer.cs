namespace PrivacyHoldout130.Education;

/// <summary>A guarantor's details as the student portal publishes them once the student has named one.</summary>
public sealed record GuarantorSubmitted(string StudentNumber, string ReferenceId, string GuarantorName, string GuarantorEmail, string GuarantorMobile, decimal GuarantorIncome, string Relationship, string Country);

/// <summary>
/// Consumes <c>residences.guarantors</c> (keyed by the student's number) and sends each guarantor to the referencing
/// agency. International students without a UK guarantor are pointed at the guarantor scheme instead.
/// </summary>
public sealed partial class GuarantorReferencingConsumer(
    IConsumer<string, GuarantorSubmitted> consumer,
    IReferencingClient referencing,
    Pseudonymizer pseudonymizer,
    ILogger<GuarantorReferencingConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Uni.Residences.Referencing");
    private static readonly Meter Meter = new("Uni.Residences.Referencing");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            using var activity = Source.StartActivity("residences.guarantor.consume", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            await ReferenceAsync(result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task ReferenceAsync(GuarantorSubmitted submitted, CancellationToken ct)
    {
        var student = pseudonymizer.PseudonymizeHallsTenantId(submitted.StudentNumber);
        using var span = Source.StartHallsTenancy("guarantor").SetHallsTenantId(student); // clean precision-pseudonym
        span.Activity?.SetTag("guarantor.relationship", submitted.Relationship); // clean precision-names
        span.Activity?.SetTag("guarantor.country", submitted.Country); // clean precision-about
        span.Activity?.SetTag("guarantor.email_domain", submitted.GuarantorEmail.Split('@')[^1]); // clean precision-about
        GuarantorReceived(logger, submitted.ReferenceId, submitted.GuarantorEmail); // clean logging-objects
        GuarantorNamed(logger, submitted.ReferenceId, submitted.GuarantorName); // leak TC1001 logging-objects

        if (submitted.Country != "GB")
        {
            span.SetHallsOutcome("guarantor-scheme");
            logger.LogInformation("Guarantor outside the UK for reference {ReferenceId}; offering the guarantor scheme", submitted.ReferenceId); // clean precision-names
            return;
        }

        var guarantor = new Guarantor(submitted.GuarantorName, submitted.GuarantorEmail, submitted.GuarantorMobile, submitted.GuarantorIncome, submitted.Relationship);
        try
        {
            var outcome = await referencing.SubmitGuarantorAsync(submitted.ReferenceId, guarantor, ct);
            logger.LogInformation("Guarantor referenced: {Result}", outcome); // clean logging-objects
            span.SetHallsOutcome(outcome.Outcome);
            Meter.CreateHallsActionsCounter().Add(1, "guarantor", hallsOutcome: outcome.Outcome); // clean generated-api
        }
        catch (IdentityMismatchException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogHallsTenancyFailedEvent("guarantor", ex.Code, hallsTenantId: student); // clean generated-api
            logger.LogWarning("Guarantor {Guarantor} could not be matched", guarantor); // leak TC1001 logging-objects
        }
        catch (ReferencingUnavailableException ex)
        {
            logger.LogError(ex, "Referencing agency down ({Status})", ex.Status); // clean exceptions
            throw;
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Guarantor for {ReferenceId} received from {GuarantorEmail}")]
    private static partial void GuarantorReceived(ILogger logger, string referenceId, [PrivateData] string guarantorEmail);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Guarantor for {ReferenceId} is {GuarantorName}")]
    private static partial void GuarantorNamed(ILogger logger, string referenceId, string guarantorName);
}
