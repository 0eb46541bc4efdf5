namespace PrivacyHoldout183.Healthcare;

/// <summary>Sends each registered death to the trust's systems (appointments cancelled, letters stopped) from the register office's queue.</summary>
public sealed class DeathNotificationWorker(
    ActivitySource source,
    ILogger<DeathNotificationWorker> logger,
    Pseudonymizer pseudonymizer,
    IQueueReceiver<DeathRegistration> queue,
    IRegisterOfficeGateway registerOffice,
    IBereavementCaseStore cases) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var registration = await queue.ReceiveAsync(stoppingToken);
            if (registration is null)
            {
                continue;
            }

            using var span = source.StartMortuaryOperation(registration.District);
            span.SetMortuaryCaseKind("notification"); // clean precision-names
            span.SetMortuaryDocumentCount(1); // clean generated-api
            span.Activity?.SetTag("registration.district", registration.District); // clean precision-about
            span.Activity?.SetTag("registration.days_to_register", (DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - registration.RegisteredOn.DayNumber)); // clean precision-about
            span.Activity?.SetTag("registration.tell_us_once_ref", registration.TellUsOnceReference); // leak TC1001 direct
            try
            {
                var found = await registerOffice.LookUpAsync(registration.TellUsOnceReference, stoppingToken);
                if (found is null || found.CertificateNumber != registration.CertificateNumber)
                {
                    throw new RegistrationMismatchException(registration.TellUsOnceReference);
                }

                await cases.SaveAsync(registration.TellUsOnceReference, registration, stoppingToken);
                span.SetMortuaryOutcome("matched"); // clean generated-api
                logger.LogInformation("Registration {Registration} matched", registration); // leak TC1001 logging-objects
                logger.LogInformation("Registration in {District} matched, registered {Registered}", registration.District, registration.RegisteredOn.Month); // clean precision-about
            }
            catch (RegistrationMismatchException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                span.Activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
                logger.LogWarning(ex, "Registration did not match"); // leak TC1001 exceptions
                logger.LogMortuaryOperationFailedEvent(registration.District, "mismatch", pseudonymizer.PseudonymizeMortuaryDeceasedId(registration.CertificateNumber), "certificate number differs"); // clean generated-api
            }
            catch (RegisterOfficeUnavailableException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogMortuaryOperationFailedEvent(registration.District, "unavailable", mortuaryNote: $"{registration.DeceasedName}: register office down"); // leak TC1001 generated-api
            }
        }
    }
}
